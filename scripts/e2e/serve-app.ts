// The app under e2e test: a fresh SQLite database in this run's temp dir (migrated and seeded), a
// production build, then the production server (`npm start`, server/main.ts). Started by
// playwright.config.ts; never touches the demo data.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { assertDisposableDatabase, removeDatabaseFiles, removeRunDir } from "./disposable-database";
import { e2eDistDir } from "../lib/build-dirs";
import { prepareDemoDatabase } from "../lib/prepare-demo-database";
import { buildLib } from "../build-lib";
import { APP_SERVER_ARGS } from "../lib/start-app-server";
import { startSmtpCatcher } from "../lib/smtp-catcher";

const port = Number(process.env.E2E_APP_PORT ?? 3100);
const databaseUrl = required("E2E_DATABASE_URL");
const runDir = required("E2E_RUN_DIR");
const simulatorUrl = required("E2E_SIM_URL");
const distDir = e2eDistDir(process.env);
const nextBin = join(process.cwd(), "node_modules", ".bin", "next");

const appEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_DIST_DIR: distDir,
  PORT: String(port),
  DATABASE_URL: databaseUrl,
  APP_URL: `http://localhost:${port}`,
  // Fresh secrets per run: nothing signed by an earlier run (or the demo) can be replayed.
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  AUTH_TRUST_HOST: "true",
  TOKEN_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString("base64")}`,
  HUBSPOT_CLIENT_ID: "switchboard-local",
  HUBSPOT_CLIENT_SECRET: "switchboard-local-secret",
  HUBSPOT_AUTH_BASE_URL: simulatorUrl,
  HUBSPOT_API_BASE_URL: simulatorUrl,
  DEMO_MODE: "false",
  // The webhook specs deliver to a receiver on 127.0.0.1.
  WEBHOOK_ALLOW_PRIVATE_URLS: "true",
  METRICS_TOKEN: required("E2E_METRICS_TOKEN"),
};

async function main(): Promise<void> {
  assertDisposableDatabase(databaseUrl, runDir);
  removeDatabaseFiles(databaseUrl);
  progress(`migrating and seeding ${databaseUrl}`);
  await prepareDemoDatabase(databaseUrl);

  await buildLib();
  if (process.env.E2E_SKIP_BUILD === "1" && existsSync(join(distDir, "BUILD_ID"))) {
    progress(`reusing the build in ${distDir} (E2E_SKIP_BUILD=1)`);
  } else {
    progress(`building into ${distDir}`);
    await runBuild();
  }

  // Mail goes out over real SMTP to a catcher that files each message under the run dir, where the
  // specs read invitation and reset links (e2e/fixtures/mailbox.ts).
  const catcher = await startSmtpCatcher({ mailboxDir: join(runDir, "mail") });
  appEnv.SMTP_URL = catcher.url;

  progress(`starting the production server on port ${port}`);
  const server = spawn(process.execPath, APP_SERVER_ARGS, { env: appEnv, stdio: ["ignore", "pipe", "pipe"] });
  // Everything the app prints is also kept for the end-of-run secrets audit (e2e/secrets-audit.teardown.ts).
  const appLog = createWriteStream(join(runDir, "app.log"));
  server.stdout.on("data", (chunk: Buffer) => (process.stdout.write(chunk), appLog.write(chunk)));
  server.stderr.on("data", (chunk: Buffer) => (process.stderr.write(chunk), appLog.write(chunk)));
  const stop = () => server.kill("SIGTERM");
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  server.on("exit", (code) => {
    removeRunDir(runDir);
    process.exit(code ?? 0);
  });
}

// `next build` appends its dist folder's type globs to tsconfig.json; an e2e-only dist folder
// must not leave that edit behind in the checkout.
async function runBuild(): Promise<void> {
  const tsconfig = readFileSync("tsconfig.json", "utf8");
  try {
    await spawnBuild();
  } finally {
    if (readFileSync("tsconfig.json", "utf8") !== tsconfig) writeFileSync("tsconfig.json", tsconfig);
  }
}

function spawnBuild(): Promise<void> {
  return new Promise((resolve, reject) => {
    // Built without the app's configuration (no secrets, URLs or database), as a container image is:
    // a page that reads configuration while building fails this build rather than someone's deployment.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: distDir,
      NEXT_BUILD_SKIP_TYPECHECK: "1",
    };
    const build = spawn(nextBin, ["build"], { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    build.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    build.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    build.on("exit", (code) => {
      if (code === 0) return resolve();
      process.stderr.write(output);
      reject(new Error(`next build failed with exit code ${code}`));
    });
  });
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; start this through playwright.config.ts`);
  return value;
}

function progress(message: string): void {
  process.stderr.write(`[e2e-app] ${message}\n`);
}

main().catch((error: unknown) => {
  progress(`failed: ${(error as Error).message}`);
  process.exit(1);
});
