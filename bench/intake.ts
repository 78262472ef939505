// (b) Public intake: signups/s and p50/p99 latency of POST /api/subscribe/{tenant} on the production
// server (`npm start`: a production build, SQLite), against a bare node:http + better-sqlite3 server
// on the same table. The same server is also measured with INTAKE_DIRECT_PATH=false, i.e. with the
// signup API going through Next's router like under a plain `next start`.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createBenchDatabase, createBenchTenant } from "./support/bench-database";
import { runLoad, round, type LoadResult } from "./support/load-generator";
import { ensureProductionBuild, freePort, startAppServer, stopGroup, waitUntilUp } from "./support/production-app";

export interface IntakeBenchResult {
  concurrency: number;
  durationSeconds: number;
  build: "reused" | "built";
  /** `npm start` as shipped: the signup API on the server's direct path. */
  app: LoadResult & { storedRows: number };
  /** The same server with INTAKE_DIRECT_PATH=false: the signup API through Next's App Router. */
  throughNext: LoadResult & { storedRows: number };
  /** GET /api/health through Next on the same server (one trivial query): Next.js + Prisma's own floor here. */
  nextFloor: LoadResult | null;
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
    const app = await loadSubscribe(DIST_DIR, env, tenant.slug, "app", durationMs, concurrency);
    const throughNext = await loadSubscribe(
      DIST_DIR,
      { ...env, INTAKE_DIRECT_PATH: "false" },
      tenant.slug,
      "next",
      durationMs,
      concurrency,
      true,
    );
    const appRows = await appDatabase.db.signup.count({ where: { email: { startsWith: "app" } } });
    const nextRows = await appDatabase.db.signup.count({ where: { email: { startsWith: "next" } } });

    const port = await freePort();
    const child = spawn(process.execPath, ["--conditions=source", "--import", "tsx", "bench/support/reference-intake-server.ts"], {
      env: {
        ...process.env,
        REFERENCE_DB_PATH: referenceDatabase.path,
        REFERENCE_TENANT_ID: referenceTenant.id,
        REFERENCE_PORT: String(port),
      },
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
    const { createDbClient } = await import("@switchboard/lib/db/create-client");
    const referenceDb = createDbClient(referenceDatabase.url);
    const referenceRows = await referenceDb.signup.count({ where: { email: { startsWith: "ref" } } });
    await referenceDb.$disconnect();

    return {
      concurrency,
      durationSeconds: durationMs / 1000,
      build,
      app: { ...app.load, storedRows: appRows },
      throughNext: { ...throughNext.load, storedRows: nextRows },
      nextFloor: throughNext.floor,
      reference: { ...reference, storedRows: referenceRows },
      ratio: round(app.load.perSecond / Math.max(reference.perSecond, 0.001)),
    };
  } finally {
    await appDatabase.remove();
    await referenceDatabase.remove();
  }
}

/** Starts the production server, warms it up, loads POST /api/subscribe (and optionally GET /api/health), stops it. */
async function loadSubscribe(
  distDir: string,
  env: Record<string, string>,
  slug: string,
  label: string,
  durationMs: number,
  concurrency: number,
  withFloor = false,
) {
  const server = await startAppServer(distDir, env);
  try {
    const url = `${server.url}/api/subscribe/${slug}`;
    await runLoad({ url, concurrency, durationMs: 1_500, body: signupBody(`warmup-${label}`), okStatus: 202 });
    const load = await runLoad({ url, concurrency, durationMs, body: signupBody(label), okStatus: 202 });
    const floor = withFloor
      ? await runLoad({ url: `${server.url}/api/health`, concurrency, durationMs: durationMs / 2, body: null, okStatus: 200 })
      : null;
    return { load, floor };
  } finally {
    await server.stop();
  }
}
