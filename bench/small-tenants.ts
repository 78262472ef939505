// (h) A platform of small tenants: many portals each receiving a trickle, so most CRM calls carry a
// few contacts — what the sync costs per call, not only per contact. Two shapes on each database
// (1,000 portals × 20 signups, and 10 × 10,000 for 100 contacts per call), the workers started and
// idle before the signups arrive so CPU counts the sync alone; PostgreSQL with 1 and 2 worker
// processes for the CPU a second worker adds; and fairness: 1,000 small tenants whose signups arrive
// while one tenant drains a 100,000-signup backlog — how long each small tenant waits for its first
// contact. Knobs: BENCH_SMALL_PORTALS, BENCH_SMALL_PER_PORTAL, BENCH_FEW_PORTALS, BENCH_FEW_PER_PORTAL,
// BENCH_FAIR_BACKLOG, BENCH_SMALL_ON_DEMAND=1 (the simulator creates portals as they are named).
import { benchManyPortals, type ManyPortalsResult } from "./many-portals";

const SMALL = { portals: Number(process.env.BENCH_SMALL_PORTALS ?? 1_000), perPortal: Number(process.env.BENCH_SMALL_PER_PORTAL ?? 20) };
const FEW = { portals: Number(process.env.BENCH_FEW_PORTALS ?? 10), perPortal: Number(process.env.BENCH_FEW_PER_PORTAL ?? 10_000) };
const FAIR_BACKLOG = Number(process.env.BENCH_FAIR_BACKLOG ?? 100_000);
const ON_DEMAND = process.env.BENCH_SMALL_ON_DEMAND === "1";
const LIMIT_SECONDS = Number(process.env.BENCH_SMALL_LIMIT_SECONDS ?? 120);
/** The big tenant drains alone for this long before the small tenants' signups arrive. */
const FAIR_LEAD_MS = 3_000;

export type SmallTenantsRun = ManyPortalsResult & { shape: string };

// One process per run (the app's configuration, simulator URL included, is read once per process).
const RUNS = {
  "small-sqlite": { provider: "sqlite", workers: 1, shape: SMALL },
  "small-pg1": { provider: "postgresql", workers: 1, shape: SMALL },
  "small-pg2": { provider: "postgresql", workers: 2, shape: SMALL },
  "few-sqlite": { provider: "sqlite", workers: 1, shape: FEW },
  "few-pg1": { provider: "postgresql", workers: 1, shape: FEW },
  "few-pg2": { provider: "postgresql", workers: 2, shape: FEW },
} as const;

export const SMALL_TENANT_PARTS = [...Object.keys(RUNS), "small-fair"];

export function isSmallTenantsPart(part: string): boolean {
  return SMALL_TENANT_PARTS.includes(part);
}

export async function benchSmallTenants(part: string, line: (text: string) => void): Promise<SmallTenantsRun> {
  if (part === "small-fair") return benchFairness(line);
  const run = RUNS[part as keyof typeof RUNS];
  if (part === SMALL_TENANT_PARTS[0])
    line(
      `\n(h) small tenants — ${SMALL.portals.toLocaleString("en-US")} portals × ${SMALL.perPortal} signups, and ${FEW.portals} × ${FEW.perPortal.toLocaleString("en-US")}; workers idle before the signups arrive; simulator limit 110 req / 10 s per portal${ON_DEMAND ? ", portals created on demand" : ""}`,
    );
  const result = await benchManyPortals({
    provider: run.provider,
    workers: run.workers,
    ...run.shape,
    limitSeconds: LIMIT_SECONDS,
    warmStart: true,
    portalsOnDemand: ON_DEMAND,
  });
  const labelled = { ...result, shape: `${run.shape.portals} × ${run.shape.perPortal}` };
  const title =
    run.provider === "sqlite" ? "SQLite, 1 worker in-process" : `PostgreSQL, ${run.workers} worker process${run.workers > 1 ? "es" : ""}`;
  printRun(`${labelled.shape}, ${title}`, labelled, line);
  return labelled;
}

async function benchFairness(line: (text: string) => void): Promise<SmallTenantsRun> {
  line(
    `  fairness: ${SMALL.portals.toLocaleString("en-US")} small tenants × ${SMALL.perPortal} arriving ${FAIR_LEAD_MS / 1000} s after one tenant's ${FAIR_BACKLOG.toLocaleString("en-US")}-signup backlog (SQLite, 1 worker in-process)`,
  );
  const result = await benchManyPortals({
    provider: "sqlite",
    workers: 1,
    ...SMALL,
    limitSeconds: LIMIT_SECONDS,
    warmStart: true,
    portalsOnDemand: ON_DEMAND,
    backlog: { perPortal: FAIR_BACKLOG, leadMs: FAIR_LEAD_MS },
  });
  const run = { ...result, shape: `${SMALL.portals} × ${SMALL.perPortal} + 1 × ${FAIR_BACKLOG}` };
  const first = run.firstContactSeconds;
  line(
    `    small tenants' first contact after their signups arrived: p50 ${first.median} s, p95 ${first.p95} s, max ${first.last} s; all ${run.synced.toLocaleString("en-US")} of ${run.signups.toLocaleString("en-US")} synced in ${run.seconds} s`,
  );
  line(
    `    big tenant meanwhile: ${run.backlog?.synced.toLocaleString("en-US")} synced (${run.backlog?.contactsPerSecond}/s); most calls to one portal in a rolling 10 s: ${run.mostCallsPerPortalWindow} (limit 110), ${run.rateLimited429} × 429; worker CPU ${run.workerCpuMsPerCall} ms per call; lost ${run.lost}, duplicates ${run.duplicates}`,
  );
  return run;
}

function printRun(title: string, run: SmallTenantsRun, line: (text: string) => void): void {
  const database =
    run.databaseCpuMsPerCall === null
      ? ""
      : `; PostgreSQL ${run.databaseCpuMsPerCall} ms per call, ${run.databaseCpuMsPerContact} ms per contact`;
  line(
    `  ${title}: ${run.steadyContactsPerSecond} contacts/s, ${run.contactsPerCall} per call (${run.synced}/${run.signups} in ${run.seconds} s)`,
  );
  line(`    worker CPU ${run.workerCpuMsPerCall} ms per call, ${run.workerCpuMsPerContact} ms per contact${database}`);
  line(
    `    first contact per portal p50 ${run.firstContactSeconds.median} s, p95 ${run.firstContactSeconds.p95} s, max ${run.firstContactSeconds.last} s; lost ${run.lost}, duplicates ${run.duplicates}, ${run.rateLimited429} × 429, most calls to one portal in 10 s ${run.mostCallsPerPortalWindow}`,
  );
}

/** CPU per contact (workers + database) of 2 PostgreSQL workers over 1, for each shape both ran. */
export function postgresCpuRatios(results: Record<string, unknown>): { shape: string; ratio: number }[] {
  const cost = (run: SmallTenantsRun) => (run.workerCpuMs + (run.databaseCpuMs ?? 0)) / Math.max(1, run.synced);
  return (["small", "few"] as const).flatMap((shape) => {
    const one = results[`${shape}-pg1`] as SmallTenantsRun | undefined;
    const two = results[`${shape}-pg2`] as SmallTenantsRun | undefined;
    if (!one?.synced || !two?.synced) return [];
    return [{ shape: one.shape, ratio: Math.round((cost(two) / Math.max(cost(one), 0.0001)) * 100) / 100 }];
  });
}
