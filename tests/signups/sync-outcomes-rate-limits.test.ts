// The sync paces each portal by what HubSpot's own headers announce: a privately distributed app's
// 100 / 10 s, a marketplace app's 110 / 10 s, and a daily allowance where the headers carry one.
// Against the simulator's limit profiles over HTTP and real SQLite.
import { describe, expect, it } from "vitest";
import { addSignups, simJson, syncDeps, syncUntilIdle, sharedSyncWorld } from "./support/sync-harness";

const sync = sharedSyncWorld();

const simRequests = async () =>
  (await simJson<{ requests: { path: string; status: number | null }[] }>(sync.world.sim.url, "/_sim/requests")).requests;
const countByStatus = async (tenantId: string) =>
  Object.fromEntries(
    (await sync.world.database.db.signup.groupBy({ by: ["status"], where: { tenantId }, _count: { _all: true } })).map((group) => [
      group.status,
      group._count._all,
    ]),
  );

describe("rate limits from HubSpot's headers", () => {
  it("a privately distributed app's portal (100 / 10 s) sees no 429 across several windows", async () => {
    const { tenant } = await sync.connectedTenant();
    await simJson(sync.world.sim.url, "/_sim/config", { method: "PATCH", body: JSON.stringify({ rateLimit: "private-starter" }) });
    // Batches of 5 so that 220 calls — more than two windows' worth — stay a small test.
    await addSignups(sync.world.database.db, tenant.id, 1_100);
    const deps = syncDeps(sync.world.database.store);
    const started = Date.now();
    await syncUntilIdle({ ...deps, settings: { ...deps.settings, batchSize: 5, maxRateWaitMs: 15_000 } }, 500);
    expect(await countByStatus(tenant.id)).toEqual({ SYNCED: 1_100 });
    const upserts = (await simRequests()).filter((request) => request.path.endsWith("/batch/upsert"));
    expect(upserts).toHaveLength(220);
    expect(upserts.filter((request) => request.status === 429)).toHaveLength(0);
    expect(deps.limiter.local.budgetOf("62515")).toBe(97);
    // …and it used what it was given: 220 calls at 97 per window need two full windows, not more.
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it("a marketplace app's portal (110 / 10 s) grows the budget of this worker and of the shared slots to 106", async () => {
    const { tenant } = await sync.connectedTenant();
    await addSignups(sync.world.database.db, tenant.id, 10);
    const deps = syncDeps(sync.world.database.store);
    expect(deps.limiter.local.budgetOf("62515")).toBe(97);
    await syncUntilIdle(deps);
    expect(deps.limiter.local.budgetOf("62515")).toBe(106);
    expect(deps.limiter.shared.slotsOf("62515")).toBe(106);
    // The shared budget lets 106 calls through in a window (the sync's own call included), made as
    // calls take them, and holds the next one back.
    const now = Date.now();
    let taken = 1;
    while ((await deps.limiter.shared.tryTake("62515", now)) === 0) taken++;
    expect(taken).toBe(106);
    expect(await sync.world.database.db.portalCallSlot.count({ where: { portalId: "62515" } })).toBe(106);
  });

  it("stops calling a portal whose daily allowance is spent, without counting it against the signups", async () => {
    const { tenant } = await sync.connectedTenant();
    await simJson(sync.world.sim.url, "/_sim/config", {
      method: "PATCH",
      body: JSON.stringify({ rateLimit: { max: 100, intervalMs: 10_000, daily: 2 } }),
    });
    await addSignups(sync.world.database.db, tenant.id, 400);
    const deps = syncDeps(sync.world.database.store);
    await syncUntilIdle({ ...deps, settings: { ...deps.settings, batchesPerPass: 1 } });
    expect(await countByStatus(tenant.id)).toEqual({ SYNCED: 200, PENDING: 200 });
    const upserts = (await simRequests()).filter((request) => request.path.endsWith("/batch/upsert"));
    expect(upserts.map((request) => request.status)).toEqual([200, 200]);
    const waiting = await sync.world.database.db.signup.findMany({ where: { tenantId: tenant.id, status: "PENDING" } });
    expect(waiting.filter((row) => !(row.attempts === 0 && row.nextAttemptAt.getTime() > Date.now() + 50 * 60_000))).toEqual([]);
  });
});
