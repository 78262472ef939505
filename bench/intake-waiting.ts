// (e) Intake next to a large waiting backlog: `npm start` (production build, SQLite, the sync
// running in-process with one tenant connected to the simulator), loaded on that tenant's public
// API — once on a database with no other signups, once with `waiting` signups of unconnected
// tenants (1,000 tenants). Waiting must cost nothing: same throughput, same p99, and the idle
// server's CPU must not grow with the backlog.
import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "@switchboard/lib/db/create-client";
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
  /** The median slice (by throughput); each slice's figures are in `slices`. */
  load: LoadResult;
  slices: LoadResult[];
  idleCpuPercent: number;
  fixtureSeconds: number;
}

export interface BacklogIntakeResult {
  concurrency: number;
  sliceSeconds: number;
  empty: BacklogIntakeRun;
  backlog: BacklogIntakeRun;
  throughputRatio: number;
  p99Ratio: number;
}

const DIST_DIR = ".next-bench";
const IDLE_SAMPLE_MS = 5_000;
// This VM's throughput drifts ±20 % within a minute: many short slices, compared pair by pair
// (each backlog slice with the empty server's slice just before it), say more than a few long ones.
const SLICES = 7;
let configured = false;

interface PreparedServer {
  waiting: number;
  db: Db;
  url: string;
  pid: number;
  slug: string;
  fixtureSeconds: number;
  stop(): Promise<void>;
}

// Both servers run side by side and take turns under load (empty, backlog, empty, …): on a
// machine shared with other work, slices close in time see the same background noise.
export async function benchIntakeWithBacklog(durationMs: number, concurrency: number, waiting: number): Promise<BacklogIntakeResult> {
  // One portal each, so the two servers' syncs never compete for one portal's rate limit.
  const portalIds = benchPortalIds(2);
  const sim = await startSimulatorProcess(portalIds);
  const removals: (() => Promise<void>)[] = [];
  try {
    const backlog = await prepare(sim.url, portalIds[1]!, waiting, removals);
    const empty = await prepare(sim.url, portalIds[0]!, 0, removals);
    // What does the backlog cost a server that is only polling for work?
    await sleep(2_000);
    const before = [processCpuSeconds(empty.pid), processCpuSeconds(backlog.pid)];
    await sleep(IDLE_SAMPLE_MS);
    const idle = [processCpuSeconds(empty.pid) - before[0]!, processCpuSeconds(backlog.pid) - before[1]!].map((seconds) =>
      round((seconds / (IDLE_SAMPLE_MS / 1000)) * 100),
    );
    const sliceMs = Math.max(2_000, Math.round(durationMs / 3));
    const slices: [LoadResult[], LoadResult[]] = [[], []];
    for (const server of [empty, backlog]) await load(server, concurrency, 1_500, "warmup");
    for (let slice = 0; slice < SLICES; slice++) {
      // Each slice starts once the other server's sync has sent what its last slice took in:
      // otherwise a slice would pay for its neighbour's catching up.
      for (const [index, server] of [empty, backlog].entries()) {
        await drained(empty);
        await drained(backlog);
        slices[index]!.push(await load(server, concurrency, sliceMs, `${index}s${slice}-`));
      }
    }
    const run = (server: PreparedServer, own: LoadResult[], idleCpuPercent: number): BacklogIntakeRun => ({
      waiting: server.waiting,
      load: median(own),
      slices: own,
      idleCpuPercent,
      fixtureSeconds: server.fixtureSeconds,
    });
    const emptyRun = run(empty, slices[0], idle[0]!);
    const backlogRun = run(backlog, slices[1], idle[1]!);
    return {
      concurrency,
      sliceSeconds: sliceMs / 1000,
      empty: emptyRun,
      backlog: backlogRun,
      throughputRatio: round(median(slices[1].map((slice, index) => slice.perSecond / Math.max(slices[0][index]!.perSecond, 0.001)))),
      p99Ratio: round(median(slices[1].map((r) => r.p99Ms)) / Math.max(median(slices[0].map((r) => r.p99Ms)), 0.001)),
    };
  } finally {
    for (const remove of removals.reverse()) await remove();
    await stopGroup(sim.child);
  }
}

async function drained(server: PreparedServer, limitMs = 30_000): Promise<void> {
  if (process.env.BENCH_SYNC_IN_PROCESS === "false") return;
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    const pending = await server.db.signupDailyCount.aggregate({ where: { status: "PENDING" }, _sum: { total: true } });
    if ((pending._sum.total ?? 0) === 0) return;
    await sleep(250);
  }
}

function median<T extends number | LoadResult>(values: T[]): T {
  const key = (value: T) => (typeof value === "number" ? value : value.perSecond);
  return [...values].sort((a, b) => key(a) - key(b))[Math.floor(values.length / 2)]!;
}

function load(server: PreparedServer, concurrency: number, durationMs: number, label: string): Promise<LoadResult> {
  const body = (sequence: number) => JSON.stringify({ email: `${label}${sequence}@example.com`, firstName: "Bench", consent: true });
  return runLoad({ url: `${server.url}/api/subscribe/${server.slug}`, concurrency, durationMs, body, okStatus: 202 });
}

async function prepare(simUrl: string, portalId: number, waiting: number, removals: (() => Promise<void>)[]): Promise<PreparedServer> {
  const database = await createBenchDatabase(`intake-backlog-${waiting}`);
  removals.push(() => database.remove());
  const env = {
    NODE_ENV: "production",
    AUTH_TRUST_HOST: "true",
    SYNC_IN_PROCESS: process.env.BENCH_SYNC_IN_PROCESS ?? "true",
    SIGNUP_RATE_LIMIT_POINTS: "1000000000",
    LOG_LEVEL: "error",
  };
  // Once per bench process: the integration services cache the key ring, so both servers must
  // share the secrets the first configuration generated (or the second could not decrypt its tokens).
  if (!configured) configureAppForSimulator(simUrl, database.url, env);
  configured = true;
  const { tenant, admin } = await createBenchTenant(database.db, "connected");
  await connectPortal({ db: database.db, tenant }, { actor: admin.actor, portalId });
  const fixtureStarted = performance.now();
  if (waiting > 0) {
    const tenantIds = await insertBenchTenants(database.db, 1_000, "unconnected");
    await insertBulkSignups(database.db, "sqlite", {
      tenantIds,
      perTenant: Math.ceil(waiting / tenantIds.length),
      status: "WAITING",
      prefix: "w",
    });
  }
  const fixtureSeconds = round((performance.now() - fixtureStarted) / 1000);
  await ensureProductionBuild(DIST_DIR, { ...env, DATABASE_URL: database.url });
  // configureAppForSimulator put this database's URL and fresh keys in process.env; the server
  // inherits them, so it can decrypt the connection connectPortal just stored.
  const server = await startAppServer(DIST_DIR, { ...env, DATABASE_URL: database.url });
  removals.push(() => server.stop());
  return { waiting, db: database.db, url: server.url, pid: server.pid, slug: tenant.slug, fixtureSeconds, stop: () => server.stop() };
}
