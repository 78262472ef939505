// (d) Aggregate sync across many portals: N tenants, each with its own simulated portal (HubSpot's
// per-portal limit of 110 calls / 10 s), their signups arriving interleaved. SQLite: one worker in
// this process (the simulator runs in a process of its own). PostgreSQL: 1 and then 2
// `npm run worker` processes on the same backlog shape, for the scaling ratio.
// BENCH_LOOP_GAPS=1 prints every event-loop stall over 100 ms of the in-process worker.
import type { ChildProcess } from "node:child_process";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { Db } from "@switchboard/lib/db/create-client";
import { databaseProvider } from "@switchboard/lib/db/database-url";
import { serverEnv } from "@switchboard/lib/env/server";
import { createRuntime } from "@switchboard/lib/runtime/runtime";
import { connectPortal } from "@/tests/helpers/connect-portal";
import { configureAppForSimulator } from "@/tests/helpers/simulator-env";
import { benchPortalIds, processCpuSeconds, startSimulatorProcess, startWorkerProcess } from "./support/bench-processes";
import { createBenchTenant } from "./support/bench-database";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/databases";
import { insertBulkSignups } from "./support/bulk-signups";
import { round } from "./support/load-generator";
import { stopGroup } from "./support/production-app";
import { simControl } from "./support/sim-control";

export interface ManyPortalsResult {
  database: "sqlite" | "postgresql";
  workers: number;
  portals: number;
  signups: number;
  seconds: number;
  synced: number;
  contactsPerSecond: number;
  /** From the first contact synced to the last: leaves out process start-up and the first claims. */
  steadyContactsPerSecond: number;
  upsertCalls: number;
  contactsPerCall: number;
  rateLimited429: number;
  workerCpuMsPerContact: number;
  simulatorCpuMsPerContact: number;
  /** PostgreSQL only: CPU of the server processes serving the bench database (its backends). */
  databaseCpuMsPerContact: number | null;
  /** In-process worker only: how long timers waited for the event loop (what intake would feel). */
  eventLoopDelayMs: { p99: number; max: number } | null;
  firstContactSeconds: { median: number; last: number };
  lost: number;
  duplicates: number;
}

export interface ManyPortalsOptions {
  provider: "sqlite" | "postgresql";
  workers: number;
  portals: number;
  perPortal: number;
  limitSeconds: number;
  /** Extra node flags for worker processes, e.g. --cpu-prof. */
  workerNodeArgs?: string[];
  /** Write a CPU profile of this process covering the sync phase only (not the fixture setup). */
  profileTo?: string;
}

async function startProfiler(): Promise<{ stopInto(path: string): Promise<void> }> {
  const { Session } = await import("node:inspector/promises");
  const { writeFileSync } = await import("node:fs");
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return {
    async stopInto(path) {
      const { profile } = await session.post("Profiler.stop");
      writeFileSync(path, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

export async function benchManyPortals(options: ManyPortalsOptions): Promise<ManyPortalsResult> {
  const portalIds = benchPortalIds(options.portals);
  const sim = await startSimulatorProcess(portalIds);
  const database = await createTestDatabase(options.provider);
  configureAppForSimulator(sim.url, database.url, { NODE_ENV: "production", AUTH_TRUST_HOST: "true", LOG_LEVEL: "warn" });
  const children: ChildProcess[] = [];
  try {
    const tenantIds: string[] = [];
    for (const portalId of portalIds) {
      const { tenant, admin } = await createBenchTenant(database.db, `many-${portalId}`);
      await connectPortal({ db: database.db, tenant }, { actor: admin.actor, portalId });
      tenantIds.push(tenant.id);
    }
    const signups = options.portals * options.perPortal;
    await insertBulkSignups(database.db, databaseProvider(database.url), { tenantIds, perTenant: options.perPortal });
    await simControl(sim.url, "DELETE", "/_sim/requests");

    const started = performance.now();
    const startedAt = Date.now();
    const cpuBefore = process.cpuUsage();
    let stopInProcess: (() => Promise<void>) | undefined;
    const profiler = options.profileTo ? await startProfiler() : undefined;
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    if (options.provider === "sqlite" && options.workers === 1 && !options.workerNodeArgs) {
      const worker = createRuntime({ ...serverEnv(), DATABASE_URL: database.url }, { store: database.store }).workers.start();
      stopInProcess = () => worker.stop();
      loopDelay.enable();
      if (process.env.BENCH_LOOP_GAPS === "1") {
        let last = performance.now();
        const gaps = setInterval(() => {
          const now = performance.now();
          if (now - last > 100) process.stderr.write(`loop gap ${Math.round(now - last)} ms at ${Math.round(now - started)} ms\n`);
          last = now;
        }, 10);
        const stop = stopInProcess;
        stopInProcess = async () => {
          clearInterval(gaps);
          await stop();
        };
      }
    } else {
      for (let index = 0; index < options.workers; index++) children.push(startWorkerProcess(database.url, options.workerNodeArgs));
    }
    let synced = 0;
    let childCpu = 0;
    let firstProgress: { at: number; synced: number } | undefined;
    let lastProgressAt = started;
    const simCpuBefore = sim.child.pid ? processCpuSeconds(sim.child.pid) : 0;
    const databaseCpuBefore = await backendCpu(database);
    let databaseCpu = databaseCpuBefore;
    while (performance.now() - started < options.limitSeconds * 1000) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const now = await syncedCount(database.db);
      if (now > 0 && !firstProgress) firstProgress = { at: performance.now(), synced: now };
      if (now > synced) lastProgressAt = performance.now();
      synced = now;
      childCpu = children.reduce((sum, child) => sum + (child.pid ? processCpuSeconds(child.pid) : 0), 0);
      databaseCpu = await backendCpu(database);
      if (synced >= signups) break;
    }
    const seconds = (performance.now() - started) / 1000;
    const simCpuSeconds = (sim.child.pid ? processCpuSeconds(sim.child.pid) : 0) - simCpuBefore;
    const steadySeconds = firstProgress ? (lastProgressAt - firstProgress.at) / 1000 : 0;
    const steadyContactsPerSecond = firstProgress && steadySeconds > 0 ? round((synced - firstProgress.synced) / steadySeconds) : 0;
    const ownCpu = process.cpuUsage(cpuBefore);
    loopDelay.disable();
    const eventLoopDelayMs = stopInProcess ? { p99: round(loopDelay.percentile(99) / 1e6), max: round(loopDelay.max / 1e6) } : null;
    if (profiler && options.profileTo) await profiler.stopInto(options.profileTo);
    await stopInProcess?.();
    for (const child of children) await stopGroup(child);
    const workerCpuSeconds = stopInProcess ? (ownCpu.user + ownCpu.system) / 1e6 : childCpu;

    const { requests } = await simControl<{ requests: { path: string; status: number | null; time: string; portalId?: number }[] }>(
      sim.url,
      "GET",
      "/_sim/requests",
    );
    const upserts = requests.filter((entry) => entry.path.endsWith("/batch/upsert"));
    const contacts = await countSimContacts(sim.url, portalIds);
    return {
      database: options.provider,
      workers: options.workers,
      portals: options.portals,
      signups,
      seconds: round(seconds),
      synced,
      contactsPerSecond: round(synced / seconds),
      steadyContactsPerSecond,
      upsertCalls: upserts.length,
      contactsPerCall: round(
        synced / Math.max(1, upserts.filter((entry) => entry.status === 200 || entry.status === 201 || entry.status === 207).length),
      ),
      rateLimited429: upserts.filter((entry) => entry.status === 429).length,
      workerCpuMsPerContact: round((workerCpuSeconds * 1000) / Math.max(1, synced)),
      simulatorCpuMsPerContact: round((simCpuSeconds * 1000) / Math.max(1, synced)),
      databaseCpuMsPerContact:
        options.provider === "postgresql" ? round((cpuSecondsSince(databaseCpuBefore, databaseCpu) * 1000) / Math.max(1, synced)) : null,
      eventLoopDelayMs,
      firstContactSeconds: firstCallSpread(upserts, portalIds, startedAt),
      lost: synced >= signups ? signups - contacts.unique : 0,
      duplicates: contacts.total - contacts.unique,
    };
  } finally {
    for (const child of children) await stopGroup(child);
    await database.drop();
    await stopGroup(sim.child);
  }
}

async function syncedCount(db: Db): Promise<number> {
  const rows = await db.signupDailyCount.aggregate({ where: { status: "SYNCED" }, _sum: { total: true } });
  return rows._sum.total ?? 0;
}

// How long each portal waited for its first contact: fairness across tenants in one number pair.
function firstCallSpread(
  upserts: { time: string; portalId?: number }[],
  portalIds: number[],
  startedAt: number,
): { median: number; last: number } {
  const first = portalIds
    .map((portalId) => {
      const entry = upserts.find((request) => request.portalId === portalId);
      return entry ? (Date.parse(entry.time) - startedAt) / 1000 : Number.POSITIVE_INFINITY;
    })
    .sort((a, b) => a - b);
  return { median: round(first[Math.floor(first.length / 2)] ?? 0), last: round(first.at(-1) ?? 0) };
}

async function countSimContacts(simUrl: string, portalIds: number[]): Promise<{ total: number; unique: number }> {
  let total = 0;
  let unique = 0;
  for (const portalId of portalIds) {
    const { results } = await simControl<{ results: { properties: { email?: string } }[] }>(
      simUrl,
      "GET",
      `/_sim/portals/${portalId}/contacts`,
    );
    total += results.length;
    unique += new Set(results.map((contact) => contact.properties.email)).size;
  }
  return { total, unique };
}

/** CPU seconds used between two readings of the same processes (one that came and went is missed). */
function cpuSecondsSince(before: Map<number, number>, after: Map<number, number>): number {
  let seconds = 0;
  for (const [pid, cpu] of after) seconds += cpu - (before.get(pid) ?? 0);
  return seconds;
}

/** The CPU seconds so far of the PostgreSQL server processes (one per connection) serving this database. */
async function backendCpu(database: TestDatabase): Promise<Map<number, number>> {
  if (database.provider !== "postgresql") return new Map();
  const rows = await database.db.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`;
  return new Map(rows.map(({ pid }) => [pid, processCpuSeconds(pid)]));
}
