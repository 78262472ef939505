// Where a batch's database time goes: each step of the sync's hot path timed on its own, against a
// realistic backlog (50 tenants × 2,000 interleaved signups, 100 per call). A profiling aid:
// `npx tsx --conditions=source bench/support/statement-costs.ts [sqlite|postgresql]`. SQLite runs in
// this process, so its figure is this process's CPU; PostgreSQL's is the CPU of the server processes
// serving the database (/proc), which is what the database spends on each step.
import { claimSignupsOfTenants, tenantsWithPendingSignups } from "@switchboard/lib/signups/sync/claim-signups";
import { resolveDestinations } from "@switchboard/lib/signups/sync/destination";
import { recordSynced } from "@switchboard/lib/signups/sync/record-outcomes";
import { SharedPortalBudget } from "@switchboard/lib/integrations/pacing/shared-portal-budget";
import { refreshPlannerStatistics } from "@switchboard/lib/db/statements/signup-queue";
import { fanOutEvents } from "@switchboard/lib/webhooks/fan-out";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/databases";
import { processCpuSeconds } from "./bench-processes";
import { createBenchTenant } from "./bench-database";
import { insertBulkSignups } from "./bulk-signups";

const provider = process.argv[2] === "postgresql" ? "postgresql" : "sqlite";
const TENANTS = 50;
const database = await createTestDatabase(provider);
const tenantIds: string[] = [];
const connectionIds: string[] = [];
for (let index = 0; index < TENANTS; index++) {
  const { tenant } = await createBenchTenant(database.db, `costs-${index}`);
  const connection = await database.db.connection.create({
    data: { tenantId: tenant.id, provider: "hubspot", portalId: String(400_000 + index) },
  });
  tenantIds.push(tenant.id);
  connectionIds.push(connection.id);
}
await insertBulkSignups(database.db, provider, { tenantIds, perTenant: 2000 });
await refreshPlannerStatistics(database.store);

/** CPU milliseconds so far: this process's (SQLite), or the database's server processes' (PostgreSQL). */
async function cpuMs(db: TestDatabase): Promise<number> {
  if (db.provider === "sqlite") {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  }
  const rows = await db.db.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`;
  return rows.reduce((sum, { pid }) => sum + processCpuSeconds(pid) * 1000, 0);
}

const costs = new Map<string, { ms: number; rows: number; n: number }>();
async function timed<T>(name: string, rows: (result: T) => number, work: () => Promise<T>): Promise<T> {
  const before = await cpuMs(database);
  const result = await work();
  const cost = costs.get(name) ?? { ms: 0, rows: 0, n: 0 };
  cost.ms += (await cpuMs(database)) - before;
  cost.rows += rows(result);
  cost.n++;
  costs.set(name, cost);
  return result;
}
const budget = new SharedPortalBudget(database.store, 106, 10_100);
const owner = { store: database.store, workerId: "w" };
for (let round = 0; round < 10; round++) {
  const tenants = await timed(
    "tenantsWithPendingSignups (64)",
    () => 0,
    () => tenantsWithPendingSignups(database.db, { limit: 64 }),
  );
  await timed(
    "resolveDestinations",
    () => 0,
    () => resolveDestinations(database.db, tenants),
  );
  const claims = await timed(
    "claim 100 × 50 tenants",
    (claimed) => [...claimed.values()].reduce((sum, rows) => sum + rows.length, 0),
    () => claimSignupsOfTenants(database.store, { workerId: "w", tenantIds, limit: 100, leaseMs: 60_000 }),
  );
  const now = Date.now();
  await timed(
    "take 50 slots",
    () => 50,
    () => Promise.all(tenantIds.map((_, index) => budget.tryTake(String(400_000 + index), now))),
  );
  await timed(
    "settle 50 slots",
    () => 50,
    () => Promise.all(tenantIds.map((_, index) => budget.settle(String(400_000 + index), now, now + 5))),
  );
  await timed(
    "record 100 synced × 50 calls",
    () => 5_000,
    () =>
      Promise.all(
        tenantIds.map((tenantId, index) =>
          recordSynced(
            owner,
            connectionIds[index]!,
            (claims.get(tenantId) ?? []).map((signup) => ({ signup, contactId: `c${signup.id}` })),
            [],
          ),
        ),
      ),
  );
  await timed(
    "fan out 5,000 events",
    () => 5_000,
    async () => {
      let fanned = 0;
      while (fanned < 5_000) {
        const count = await fanOutEvents(database.store);
        if (count === 0) break;
        fanned += count;
      }
      return fanned;
    },
  );
}
process.stdout.write(`${provider}: CPU per step (${provider === "sqlite" ? "this process" : "PostgreSQL's server processes"})\n`);
for (const [name, { ms, rows, n }] of costs) {
  process.stdout.write(
    `${name.padEnd(34)} ${(ms / n).toFixed(2).padStart(8)} ms per run${rows ? `, ${((ms / rows) * 1000).toFixed(1).padStart(6)} µs per row` : ""}  (n=${n})\n`,
  );
}
await database.drop();
