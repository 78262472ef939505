// Where a batch's database time goes: each statement of the sync's hot path timed on its own,
// against a realistic backlog (SQLite, 50 tenants × 2,000 interleaved signups). A profiling aid:
// `npx tsx bench/support/statement-costs.ts`.
import { claimTenantSignups, tenantsWithPendingSignups } from "@switchboard/lib/signups/sync/claim-signups";
import { resolveDestinations } from "@switchboard/lib/signups/sync/destination";
import { recordSynced } from "@switchboard/lib/signups/sync/record-outcomes";
import { SharedPortalBudget } from "@switchboard/lib/integrations/pacing/shared-portal-budget";
import { refreshPlannerStatistics } from "@switchboard/lib/db/statements/signup-queue";
import { createBenchDatabase, createBenchTenant } from "./bench-database";
import { insertBulkSignups } from "./bulk-signups";

const database = await createBenchDatabase("statement-costs");
const tenantIds: string[] = [];
const connectionIds: string[] = [];
for (let index = 0; index < 50; index++) {
  const { tenant } = await createBenchTenant(database.db, `costs-${index}`);
  const connection = await database.db.connection.create({
    data: { tenantId: tenant.id, provider: "hubspot", portalId: String(400_000 + index) },
  });
  tenantIds.push(tenant.id);
  connectionIds.push(connection.id);
}
await insertBulkSignups(database.db, "sqlite", { tenantIds, perTenant: 2000 });
await refreshPlannerStatistics(database.store);
if (process.env.NO_TRIGGERS === "1")
  for (const name of ["Signup_count_insert", "Signup_count_status", "Signup_count_delete"])
    await database.db.$executeRawUnsafe(`DROP TRIGGER "${name}"`);

const timings = new Map<string, number[]>();
async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  (timings.get(name) ?? timings.set(name, []).get(name)!).push(performance.now() - started);
  return result;
}
const budget = new SharedPortalBudget(database.store, 105, 10_000);
for (let round = 0; round < 10; round++) {
  const tenants = await timed("tenantsWithPendingSignups", () => tenantsWithPendingSignups(database.db));
  await timed("resolveDestinations", () => resolveDestinations(database.db, tenants));
  for (const [index, tenantId] of tenantIds.entries()) {
    const claimed = await timed("claim 100", () =>
      claimTenantSignups(database.store, { workerId: "w", tenantId, limit: 100, leaseMs: 60_000 }),
    );
    await timed("budget.tryTake", () => budget.tryTake(String(400_000 + index)));
    await timed("recordSynced 100", () =>
      recordSynced(
        { store: database.store, workerId: "w" },
        connectionIds[index]!,
        claimed.map((signup) => ({ signup, contactId: `c${signup.id}` })),
        [],
      ),
    );
  }
}
for (const [name, values] of timings) {
  values.sort((a, b) => a - b);
  process.stdout.write(
    `${name.padEnd(28)} median ${values[Math.floor(values.length / 2)]!.toFixed(2)} ms  p95 ${values[Math.floor(values.length * 0.95)]!.toFixed(2)} ms  (n=${values.length})\n`,
  );
}
await database.remove();
