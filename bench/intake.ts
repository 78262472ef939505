// (b) Public intake: signups/s and p50/p99 latency of POST /api/subscribe/{tenant} on a production
// build (`next start`, SQLite), against a bare node:http + better-sqlite3 server on the same table.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createBenchDatabase, createBenchTenant } from "./support/bench-database";
import { runLoad, round, type LoadResult } from "./support/load-generator";
import { ensureProductionBuild, freePort, startNextServer, stopGroup, waitUntilUp } from "./support/next-app";

export interface IntakeBenchResult {
  concurrency: number;
  durationSeconds: number;
  build: "reused" | "built";
  app: LoadResult & { storedRows: number };
  /** GET /api/health on the same server (one trivial query): Next.js + Prisma's own floor here. */
  nextFloor: LoadResult;
  reference: LoadResult & { storedRows: number };
  ratio: number;
}

const DIST_DIR = ".next-bench";
const signupBody = (label: string) => (sequence: number) =>
  JSON.stringify({ email: `${label}${sequence}@example.com`, firstName: "Bench", consent: true });

export async function benchIntake(durationMs: number, concurrency: number): Promise<IntakeBenchResult> {
  const appDatabase = await createBenchDatabase("intake-app");
  const referenceDatabase = await createBenchDatabase("intake-ref");
  try {
    const { tenant } = await createBenchTenant(appDatabase.db, "bench");
    const { tenant: referenceTenant } = await createBenchTenant(referenceDatabase.db, "bench");
    await referenceDatabase.db.$disconnect();
    const env = {
      NODE_ENV: "production",
      DATABASE_URL: appDatabase.url,
      AUTH_SECRET: randomBytes(32).toString("base64"),
      AUTH_TRUST_HOST: "true",
      TOKEN_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString("base64")}`,
      SYNC_IN_PROCESS: "false",
      // Every bench request comes from 127.0.0.1: measure intake, not the per-IP throttle.
      SIGNUP_RATE_LIMIT_POINTS: "1000000000",
      LOG_LEVEL: "error",
    };
    const build = await ensureProductionBuild(DIST_DIR, env);
    const server = await startNextServer(DIST_DIR, env);
    let app: LoadResult;
    let nextFloor: LoadResult;
    try {
      const url = `${server.url}/api/subscribe/${tenant.slug}`;
      await runLoad({ url, concurrency, durationMs: 1_500, body: signupBody("warmup"), okStatus: 202 });
      app = await runLoad({ url, concurrency, durationMs, body: signupBody("app"), okStatus: 202 });
      nextFloor = await runLoad({ url: `${server.url}/api/health`, concurrency, durationMs: durationMs / 2, body: null, okStatus: 200 });
    } finally {
      await server.stop();
    }
    const appRows = await appDatabase.db.signup.count({ where: { email: { startsWith: "app" } } });

    const port = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", "bench/support/reference-intake-server.ts"], {
      env: { ...process.env, REFERENCE_DB_PATH: referenceDatabase.path, REFERENCE_TENANT_ID: referenceTenant.id, REFERENCE_PORT: String(port) },
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
    });
    let reference: LoadResult;
    try {
      const url = `http://127.0.0.1:${port}/`;
      await waitUntilUp(url, child);
      await runLoad({ url, concurrency, durationMs: 1_500, body: signupBody("warmup"), okStatus: 202 });
      reference = await runLoad({ url, concurrency, durationMs, body: signupBody("ref"), okStatus: 202 });
    } finally {
      await stopGroup(child);
    }
    const { createDbClient } = await import("@/lib/db/create-client");
    const referenceDb = createDbClient(referenceDatabase.url);
    const referenceRows = await referenceDb.signup.count({ where: { email: { startsWith: "ref" } } });
    await referenceDb.$disconnect();

    return {
      concurrency,
      durationSeconds: durationMs / 1000,
      build,
      app: { ...app, storedRows: appRows },
      nextFloor,
      reference: { ...reference, storedRows: referenceRows },
      ratio: round(app.perSecond / Math.max(reference.perSecond, 0.001)),
    };
  } finally {
    await appDatabase.remove();
    await referenceDatabase.remove();
  }
}
