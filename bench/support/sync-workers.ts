// The sync workers under test and the CPU they (and the database) spend: one worker in this process
// (SQLite: the in-process sync of `npm start`), or `npm run worker` processes. CPU is read from the
// process itself or /proc, and for PostgreSQL from the server processes serving the bench database,
// so figures are CPU time, not wall time on a machine shared with other work.
import type { ChildProcess } from "node:child_process";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { Store } from "@switchboard/lib/db/store";
import { serverEnv } from "@switchboard/lib/env/server";
import { createRuntime } from "@switchboard/lib/runtime/runtime";
import type { TestDatabase } from "@/tests/helpers/databases";
import { processCpuSeconds, startWorkerProcess } from "./bench-processes";
import { round } from "./load-generator";
import { stopGroup } from "./production-app";

export type CpuReading = { workerMs: number; databaseMs: number };

export interface RunningWorkers {
  /** CPU used so far by the workers and (PostgreSQL) the server processes serving them. */
  cpu(): Promise<CpuReading>;
  /** Work the bench did itself while measuring: CPU of this process to leave out, a backend to ignore. */
  exclude(work: { ownCpuMs: number; backendPid: number | null }): void;
  /** In-process worker only: how long timers waited for the event loop (what intake would feel). */
  eventLoopDelayMs(): { p99: number; max: number } | null;
  stop(): Promise<void>;
}

export interface WorkerOptions {
  workers: number;
  /** Extra node flags for worker processes, e.g. --cpu-prof (then even one worker runs as a process). */
  workerNodeArgs?: string[];
}

export async function startSyncWorkers(database: TestDatabase, options: WorkerOptions): Promise<RunningWorkers> {
  const inProcess = database.provider === "sqlite" && options.workers === 1 && !options.workerNodeArgs;
  // The backends serving the bench's own connections (already open) are not the workers'.
  const ignored = new Set((await backendCpu(database.store, database.provider)).keys());
  const databaseCpu = async () => {
    const readings = await backendCpu(database.store, database.provider);
    for (const pid of ignored) readings.delete(pid);
    return readings;
  };
  let excludedMs = 0;
  const exclude = (work: { ownCpuMs: number; backendPid: number | null }) => {
    excludedMs += work.ownCpuMs;
    if (work.backendPid !== null) ignored.add(work.backendPid);
  };
  if (inProcess) {
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    // The runtime's background workers: the signup sync and webhook deliveries, as `npm start` runs them.
    const { workers } = createRuntime({ ...serverEnv(), DATABASE_URL: database.url }, { store: database.store });
    workers.start();
    loopDelay.enable();
    return {
      cpu: async () => ({ workerMs: ownCpuMs() - excludedMs, databaseMs: sumMs(await databaseCpu()) }),
      exclude,
      eventLoopDelayMs: () => ({ p99: round(loopDelay.percentile(99) / 1e6), max: round(loopDelay.max / 1e6) }),
      stop: async () => {
        loopDelay.disable();
        await workers.stop();
      },
    };
  }
  const children: ChildProcess[] = [];
  for (let index = 0; index < options.workers; index++) children.push(startWorkerProcess(database.url, options.workerNodeArgs));
  // A backend that ended meanwhile keeps its last reading: CPU never goes backwards.
  const seen = new Map<number, number>();
  return {
    cpu: async () => {
      for (const [pid, ms] of await databaseCpu()) seen.set(pid, ms);
      for (const pid of ignored) seen.delete(pid);
      const workerMs = children.reduce((sum, child) => sum + (child.pid ? processCpuSeconds(child.pid) * 1000 : 0), 0);
      return { workerMs, databaseMs: sumMs(seen) };
    },
    exclude,
    eventLoopDelayMs: () => null,
    stop: async () => {
      for (const child of children) await stopGroup(child);
    },
  };
}

/** Resolves once the workers' CPU has stopped climbing (start-up done, idle polling), at most `limitMs`. */
export async function waitUntilIdle(workers: RunningWorkers, limitMs = 30_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  let last = (await workers.cpu()).workerMs;
  let quiet = 0;
  while (Date.now() < deadline && quiet < 2) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = (await workers.cpu()).workerMs;
    quiet = now - last < 60 ? quiet + 1 : 0;
    last = now;
  }
}

function ownCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function sumMs(byPid: Map<number, number>): number {
  let ms = 0;
  for (const value of byPid.values()) ms += value;
  return ms;
}

/** CPU milliseconds so far of the PostgreSQL server processes (one per connection) serving this database. */
async function backendCpu(store: Store, provider: TestDatabase["provider"]): Promise<Map<number, number>> {
  if (provider !== "postgresql") return new Map();
  const rows = await store.db.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`;
  return new Map(rows.map(({ pid }) => [pid, processCpuSeconds(pid) * 1000]));
}
