// A production build of the app (kept in its own dist folder and reused between bench runs) and the
// production server (`npm start`, server/main.ts) on a free loopback port, stopped by process group
// so nothing is orphaned.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { buildLib } from "../../scripts/build-lib";
import { APP_SERVER_ARGS } from "../../scripts/lib/start-app-server";

const nextBin = join(process.cwd(), "node_modules", ".bin", "next");

export async function ensureProductionBuild(distDir: string, env: Record<string, string>): Promise<"reused" | "built"> {
  await buildLib();
  const buildId = join(distDir, "BUILD_ID");
  if (existsSync(buildId) && process.env.BENCH_REBUILD !== "1" && !sourcesNewerThan(statSync(buildId).mtimeMs)) return "reused";
  // `next build` appends its dist folder's type globs to tsconfig.json; don't leave that behind.
  const tsconfig = readFileSync("tsconfig.json", "utf8");
  try {
    await run(
      spawn(nextBin, ["build"], {
        env: { ...process.env, ...env, NEXT_DIST_DIR: distDir, NEXT_BUILD_SKIP_TYPECHECK: "1" },
        stdio: ["ignore", "pipe", "pipe"],
      }),
    );
  } finally {
    if (readFileSync("tsconfig.json", "utf8") !== tsconfig) writeFileSync("tsconfig.json", tsconfig);
  }
  return "built";
}

// A build older than any app source would measure yesterday's code.
function sourcesNewerThan(time: number): boolean {
  const walk = (folder: string): boolean =>
    readdirSync(folder, { withFileTypes: true }).some((entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return entry.name !== "generated" && walk(path);
      return statSync(path).mtimeMs > time;
    });
  return ["app", "lib", "web", "components", "next.config.ts", "instrumentation.ts", "proxy.ts"].some((path) =>
    existsSync(path) ? (statSync(path).isDirectory() ? walk(path) : statSync(path).mtimeMs > time) : false,
  );
}

export async function startAppServer(
  distDir: string,
  env: Record<string, string>,
): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const port = await freePort();
  // BENCH_SERVER_PROFILE_DIR: the server writes a CPU profile there when it stops (summarise it with
  // bench/support/profile-summary.ts).
  const profileDir = process.env.BENCH_SERVER_PROFILE_DIR;
  const args = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, ...APP_SERVER_ARGS] : APP_SERVER_ARGS;
  const child = spawn(process.execPath, args, {
    // Production mode answers only APP_URL's host; the bench calls it by its loopback address.
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: "127.0.0.1",
      ALLOWED_HOSTS: "127.0.0.1",
      NEXT_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  // Drained, never left to fill: a server blocked writing to a full stderr pipe would stall its
  // event loop and skew the figures. The tail is kept for BENCH_SERVER_LOGS=1.
  let stderrTail = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderrTail = `${stderrTail}${chunk.toString()}`.slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(`${url}/api/health`, child);
  return {
    url,
    pid: child.pid ?? 0,
    stop: async () => {
      await stopGroup(child);
      if (process.env.BENCH_SERVER_LOGS === "1" && stderrTail) process.stderr.write(`--- server ${url} stderr (tail) ---\n${stderrTail}\n`);
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function waitUntilUp(url: string, child: ChildProcess, limitMs = 60_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before answering ${url}`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`gave up waiting for ${url}`);
}

export async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(-child.pid, "SIGTERM");
  await exited;
}

function run(child: ChildProcess): Promise<void> {
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (${code}):\n${output.slice(-3000)}`)))),
  );
}
