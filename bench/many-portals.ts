// (d) Aggregate sync across many portals: N tenants, each with its own simulated portal (HubSpot's
// per-portal limit of 110 calls / 10 s), their signups arriving interleaved. SQLite: one worker in
// this process (the simulator runs in a process of its own). PostgreSQL: 1 and then 2
// `npm run worker` processes on the same backlog shape, for the scaling ratio.
// `warmStart` starts the workers first and counts CPU from when they idle (a worker process's own
// start-up would otherwise weigh on a short run); `backlog` adds one more portal whose large backlog
// arrives first, the others' signups `leadMs` later, and the run ends once theirs are all synced
// (fairness: how long a small tenant waits next to a big one).
// BENCH_LOOP_GAPS=1 prints every event-loop stall over 100 ms of the in-process worker.
import type { Db } from "@switchboard/lib/db/create-client";
import { databaseProvider } from "@switchboard/lib/db/database-url";
import { configureAppForSimulator } from "@/tests/helpers/simulator-env";
import { benchPortalIds, processCpuSeconds, startSimulatorProcess } from "./support/bench-processes";
import {
  connectBenchPortals,
  countSimContacts,
  firstContactSeconds,
  mostCallsInWindow,
  spreadOf,
  upsertRequests,
  type Spread,
} from "./support/bench-portals";
import { createTestDatabase } from "@/tests/helpers/databases";
import { insertBulkSignups, releaseBulkSignups } from "./support/bulk-signups";
import { round } from "./support/load-generator";
import { stopGroup } from "./support/production-app";
import { simControl } from "./support/sim-control";
import { startSyncWorkers, waitUntilIdle, type CpuReading } from "./support/sync-workers";

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
  /** The most upserts one portal received in any rolling 10 s (the simulator's limit is 110). */
  mostCallsPerPortalWindow: number;
  /** CPU milliseconds in all over the run: the workers', and PostgreSQL's backends (null on SQLite). */
  workerCpuMs: number;
  databaseCpuMs: number | null;
  workerCpuMsPerContact: number;
  /** Worker CPU over the upserts HubSpot accepted: what a call costs around it. */
  workerCpuMsPerCall: number;
  simulatorCpuMsPerContact: number;
  /** PostgreSQL only: CPU of the server processes serving the bench database (its backends). */
  databaseCpuMsPerContact: number | null;
  databaseCpuMsPerCall: number | null;
  /** In-process worker only: how long timers waited for the event loop (what intake would feel). */
  eventLoopDelayMs: { p99: number; max: number } | null;
  /** From the start of the sync (warm start: from its signups' arrival) to each portal's first upsert. */
  firstContactSeconds: Spread;
  lost: number;
  duplicates: number;
  /** With `backlog`: the big portal's signups synced during the run, and their rate. */
  backlog: { signups: number; synced: number; contactsPerSecond: number } | null;
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
  /** The simulator creates each portal when first named instead of reading a list (default: a list). */
  portalsOnDemand?: boolean;
  warmStart?: boolean;
  backlog?: { perPortal: number; leadMs: number };
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
  const allPortalIds = benchPortalIds(options.portals + (options.backlog ? 1 : 0));
  // The big portal (if any) is the last; the small ones are measured.
  const portalIds = allPortalIds.slice(0, options.portals);
  const sim = await startSimulatorProcess(allPortalIds, { onDemand: options.portalsOnDemand });
  const database = await createTestDatabase(options.provider);
  const provider = databaseProvider(database.url);
  configureAppForSimulator(sim.url, database.url, { NODE_ENV: "production", AUTH_TRUST_HOST: "true", LOG_LEVEL: "warn" });
  let stopWorkers: (() => Promise<void>) | undefined;
  try {
    const allTenantIds = await connectBenchPortals(database.db, allPortalIds);
    const tenantIds = allTenantIds.slice(0, options.portals);
    const bigTenantId = options.backlog ? allTenantIds.at(-1)! : undefined;
    const signups = options.portals * options.perPortal;
    // Warm start: the rows are in before the workers start, as FAILED (nothing syncs them), and
    // "arrive" once the workers idle, each group in one statement (releaseBulkSignups).
    const status = options.warmStart ? "FAILED" : "PENDING";
    if (bigTenantId && options.backlog)
      await insertBulkSignups(database.db, provider, {
        tenantIds: [bigTenantId],
        perTenant: options.backlog.perPortal,
        prefix: "big",
        status,
      });
    await insertBulkSignups(database.db, provider, { tenantIds, perTenant: options.perPortal, status });
    // A live database has statistics for its tables; right after a bulk insert PostgreSQL's own
    // may or may not have come round yet, and runs planned with and without them differed by half.
    if (provider === "postgresql") await database.db.$executeRawUnsafe("ANALYZE");
    await simControl(sim.url, "DELETE", "/_sim/requests");

    const simCpuBefore = sim.child.pid ? processCpuSeconds(sim.child.pid) : 0;
    const workers = await startSyncWorkers(database, options);
    stopWorkers = () => workers.stop();
    if (options.warmStart) await waitUntilIdle(workers);
    const profiler = options.profileTo ? await startProfiler() : undefined;
    const cpuBefore = await workers.cpu();
    const started = performance.now();
    const startedAt = Date.now();
    let arrivedAt = startedAt;
    const release = async (ids: string[]) => {
      const released = await releaseBulkSignups(database.store, ids);
      workers.exclude(released);
      return released.at;
    };
    let arrivalFailed: unknown;
    const arrival = (async () => {
      if (!options.warmStart) return;
      if (bigTenantId && options.backlog) {
        await release([bigTenantId]);
        await new Promise((resolve) => setTimeout(resolve, options.backlog!.leadMs));
      }
      arrivedAt = await release(tenantIds);
    })().catch((error: unknown) => (arrivalFailed = error));
    const gaps = process.env.BENCH_LOOP_GAPS === "1" ? watchLoopGaps(started) : undefined;
    let synced = 0;
    let cpuAfter: CpuReading = cpuBefore;
    let firstProgress: { at: number; synced: number } | undefined;
    let lastProgressAt = started;
    while (performance.now() - started < options.limitSeconds * 1000) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      if (arrivalFailed) throw arrivalFailed;
      const now = await syncedCount(database.db, bigTenantId);
      if (now > 0 && !firstProgress) firstProgress = { at: performance.now(), synced: now };
      if (now > synced) lastProgressAt = performance.now();
      synced = now;
      cpuAfter = await workers.cpu();
      if (synced >= signups) break;
    }
    await arrival;
    const seconds = (performance.now() - started) / 1000;
    const simCpuSeconds = (sim.child.pid ? processCpuSeconds(sim.child.pid) : 0) - simCpuBefore;
    const steadySeconds = firstProgress ? (lastProgressAt - firstProgress.at) / 1000 : 0;
    const steadyContactsPerSecond = firstProgress && steadySeconds > 0 ? round((synced - firstProgress.synced) / steadySeconds) : 0;
    const eventLoopDelayMs = workers.eventLoopDelayMs();
    if (gaps) clearInterval(gaps);
    if (profiler && options.profileTo) await profiler.stopInto(options.profileTo);
    await workers.stop();
    stopWorkers = undefined;
    const bigSynced = bigTenantId ? (await syncedCount(database.db)) - (await syncedCount(database.db, bigTenantId)) : 0;
    const workerCpuMs = cpuAfter.workerMs - cpuBefore.workerMs;
    const databaseCpuMs = options.provider === "postgresql" ? cpuAfter.databaseMs - cpuBefore.databaseMs : null;

    const upserts = await upsertRequests(sim.url);
    const accepted = upserts.filter((entry) => entry.status === 200 || entry.status === 201 || entry.status === 207).length;
    const contacts = await countSimContacts(sim.url, portalIds);
    const bigContacts = bigTenantId ? await countSimContacts(sim.url, allPortalIds.slice(-1)) : { total: 0, unique: 0 };
    // Every contact synced in the run (the big portal's too), per call and per contact.
    const allSynced = synced + bigSynced;
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
      contactsPerCall: round(allSynced / Math.max(1, accepted)),
      rateLimited429: upserts.filter((entry) => entry.status === 429).length,
      mostCallsPerPortalWindow: mostCallsInWindow(upserts),
      workerCpuMs: Math.round(workerCpuMs),
      databaseCpuMs: databaseCpuMs === null ? null : Math.round(databaseCpuMs),
      workerCpuMsPerContact: fine(workerCpuMs / Math.max(1, allSynced)),
      workerCpuMsPerCall: round(workerCpuMs / Math.max(1, accepted)),
      simulatorCpuMsPerContact: fine((simCpuSeconds * 1000) / Math.max(1, allSynced)),
      databaseCpuMsPerContact: databaseCpuMs === null ? null : fine(databaseCpuMs / Math.max(1, allSynced)),
      databaseCpuMsPerCall: databaseCpuMs === null ? null : round(databaseCpuMs / Math.max(1, accepted)),
      eventLoopDelayMs,
      firstContactSeconds: spreadOf(firstContactSeconds(upserts, portalIds, () => arrivedAt)),
      // Lost: a signup marked synced that the simulator holds no contact for.
      lost: (synced >= signups ? signups - contacts.unique : 0) + Math.max(0, bigSynced - bigContacts.unique),
      duplicates: contacts.total - contacts.unique + bigContacts.total - bigContacts.unique,
      backlog:
        bigTenantId && options.backlog
          ? { signups: options.backlog.perPortal, synced: bigSynced, contactsPerSecond: round(bigSynced / seconds) }
          : null,
    };
  } finally {
    await stopWorkers?.();
    await database.drop();
    await stopGroup(sim.child);
  }
}

// Per-contact costs are hundredths of a millisecond: one more digit.
const fine = (value: number) => Math.round(value * 1000) / 1000;

function watchLoopGaps(started: number): NodeJS.Timeout {
  let last = performance.now();
  return setInterval(() => {
    const now = performance.now();
    if (now - last > 100) process.stderr.write(`loop gap ${Math.round(now - last)} ms at ${Math.round(now - started)} ms\n`);
    last = now;
  }, 10);
}

/** SYNCED signups so far (but the tenant left out, if any), from the counters the triggers keep. */
async function syncedCount(db: Db, leftOut?: string): Promise<number> {
  const rows = await db.signupDailyCount.aggregate({
    where: { status: "SYNCED", ...(leftOut ? { tenantId: { not: leftOut } } : {}) },
    _sum: { total: true },
  });
  return rows._sum.total ?? 0;
}
