// (e) Intake next to a large waiting backlog: `npm start` (production build, SQLite, the sync
// running in-process with one tenant connected to the simulator), loaded on that tenant's public
// API — once on a database with no other signups, once with `waiting` signups of unconnected
// tenants (1,000 tenants). Waiting must cost nothing: same throughput, same p99, and the idle
// server's CPU must not grow with the backlog.
import { setTimeout as sleep } from "node:timers/promises";
import { connectPortal } from "@/tests/helpers/connect-portal";
import { configureAppForSimulator } from "@/tests/helpers/simulator-env";
import { createBenchDatabase, createBenchTenant } from "./support/bench-database";
import { benchPortalIds, processCpuSeconds, startSimulatorProcess } from "./support/bench-processes";
import { insertBenchTenants } from "./support/bench-tenants";
import { insertBulkSignups } from "./support/bulk-signups";
import { runLoad, round, type LoadResult } from "./support/load-generator";
import { ensureProductionBuild, startAppServer, stopGroup } from "./support/production-app";

export interface BacklogIntakeRun {
  waiting: number;
  load: LoadResult;
  idleCpuPercent: number;
  fixtureSeconds: number;
}

export interface BacklogIntakeResult {
  concurrency: number;
  durationSeconds: number;
  empty: BacklogIntakeRun;
  backlog: BacklogIntakeRun;
  throughputRatio: number;
  p99Ratio: number;
}

const DIST_DIR = ".next-bench";
const IDLE_SAMPLE_MS = 5_000;

export async function benchIntakeWithBacklog(durationMs: number, concurrency: number, waiting: number): Promise<BacklogIntakeResult> {
  const [portalId] = benchPortalIds(1);
  const sim = await startSimulatorProcess([portalId!]);
  try {
    const empty = await oneRun(sim.url, portalId!, 0, durationMs, concurrency);
    const backlog = await oneRun(sim.url, portalId!, waiting, durationMs, concurrency);
    return {
      concurrency,
      durationSeconds: durationMs / 1000,
      empty,
      backlog,
      throughputRatio: round(backlog.load.perSecond / Math.max(empty.load.perSecond, 0.001)),
      p99Ratio: round(backlog.load.p99Ms / Math.max(empty.load.p99Ms, 0.001)),
    };
  } finally {
    await stopGroup(sim.child);
  }
}

async function oneRun(simUrl: string, portalId: number, waiting: number, durationMs: number, concurrency: number): Promise<BacklogIntakeRun> {
  const database = await createBenchDatabase(`intake-backlog-${waiting}`);
  try {
    const env = {
      NODE_ENV: "production",
      AUTH_TRUST_HOST: "true",
      SYNC_IN_PROCESS: "true",
      SIGNUP_RATE_LIMIT_POINTS: "1000000000",
      LOG_LEVEL: "error",
    };
    configureAppForSimulator(simUrl, database.url, env);
    const { tenant, user } = await createBenchTenant(database.db, "connected");
    await connectPortal(database.db, { userId: user.id, tenant }, { portalId });
    const fixtureStarted = performance.now();
    if (waiting > 0) {
      const tenantIds = await insertBenchTenants(database.db, 1_000, "unconnected");
      await insertBulkSignups(database.db, "sqlite", { tenantIds, perTenant: Math.ceil(waiting / tenantIds.length), status: "WAITING", prefix: "w" });
    }
    const fixtureSeconds = (performance.now() - fixtureStarted) / 1000;
    await database.db.$disconnect();
    await ensureProductionBuild(DIST_DIR, { ...env, DATABASE_URL: database.url });
    const server = await startAppServer(DIST_DIR, { ...env, DATABASE_URL: database.url, SYNC_IN_PROCESS: "true" });
    try {
      // The server idles (its sync polling) for a while: what does the backlog cost it?
      await sleep(2_000);
      const pid = server.pid;
      const before = processCpuSeconds(pid);
      await sleep(IDLE_SAMPLE_MS);
      const idleCpuPercent = round(((processCpuSeconds(pid) - before) / (IDLE_SAMPLE_MS / 1000)) * 100);
      const url = `${server.url}/api/subscribe/${tenant.slug}`;
      const body = (label: string) => (sequence: number) => JSON.stringify({ email: `${label}${sequence}@example.com`, firstName: "Bench", consent: true });
      await runLoad({ url, concurrency, durationMs: 1_500, body: body("warmup"), okStatus: 202 });
      const load = await runLoad({ url, concurrency, durationMs, body: body("intake"), okStatus: 202 });
      return { waiting, load, idleCpuPercent, fixtureSeconds: round(fixtureSeconds) };
    } finally {
      await server.stop();
    }
  } finally {
    await database.remove();
  }
}
