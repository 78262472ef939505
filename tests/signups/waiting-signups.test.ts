// The due set holds only what can be sent: a tenant's signups wait outside it (WAITING) while it
// has no usable connection, become due when it connects or reconnects, and stop being claimed the
// moment the connection needs reconnecting or is disconnected. Real databases, real simulator.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { markNeedsReconnect } from "@switchboard/lib/integrations/connection-status";
import { disconnectConnection } from "@switchboard/lib/integrations/flows/disconnect-connection";
import { defaultIntegrationServices } from "@switchboard/lib/integrations/services";
import { claimTenantSignups, tenantsWithPendingSignups } from "@switchboard/lib/signups/sync/claim-signups";
import { releaseStrandedSignups } from "@switchboard/lib/signups/sync/waiting-signups";
import { connectPortal } from "@/tests/helpers/connect-portal";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/databases";
import { startSimulatorWorld, type SimulatorWorld } from "@/tests/helpers/simulator-world";
import { seedTenant } from "@/tests/helpers/seed-tenant";
import { addSignups, simContacts, simJson, syncDeps, syncUntilIdle } from "./support/sync-harness";

// One simulator (the app's HubSpot configuration is process-wide) for both databases.
let world: SimulatorWorld;
let postgres: TestDatabase;
beforeAll(async () => {
  world = await startSimulatorWorld("sqlite");
  postgres = await createTestDatabase("postgresql");
});
afterAll(async () => {
  await postgres?.drop();
  await world?.close();
});

describe.each(["sqlite", "postgresql"] as const)("waiting signups on %s", (provider) => {
  const database = () => (provider === "sqlite" ? world.database : postgres);
  beforeEach(async () => {
    await simJson(world.sim.url, "/_sim/reset", { method: "POST" });
    await database().reset();
  });

  const statuses = async (tenantId: string) =>
    Object.fromEntries(
      (await database().db.signup.groupBy({ by: ["status"], where: { tenantId }, _count: { _all: true } })).map((group) => [
        group.status,
        group._count._all,
      ]),
    );

  it("parks an unconnected tenant's signups where no claim looks, and makes them due on connect", async () => {
    const {
      tenant,
      people: [owner],
    } = await seedTenant(database().db);
    await addSignups(database().db, tenant.id, 30);
    const deps = syncDeps(database().store);
    await syncUntilIdle(deps);
    expect(await statuses(tenant.id)).toEqual({ WAITING: 30 });
    // Nothing left for the claim to see: no tenant with PENDING rows, nothing claimable.
    expect(await tenantsWithPendingSignups(database().db)).toEqual([]);
    expect(await claimTenantSignups(database().store, { workerId: "w", tenantId: tenant.id, limit: 100, leaseMs: 60_000 })).toEqual([]);

    await connectPortal({ db: database().db, tenant }, { actor: owner.actor });
    expect(await statuses(tenant.id)).toEqual({ PENDING: 30 });
    await syncUntilIdle(deps);
    expect(await statuses(tenant.id)).toEqual({ SYNCED: 30 });
    expect(await simContacts(world.sim.url)).toHaveLength(30);
  });

  it("stops claiming when the connection needs reconnecting, and resumes after the reconnect", async () => {
    const {
      tenant,
      people: [owner],
    } = await seedTenant(database().db);
    const { connectionId } = await connectPortal({ db: database().db, tenant }, { actor: owner.actor });
    await addSignups(database().db, tenant.id, 12);
    await markNeedsReconnect(database().db, connectionId, "test: grant revoked");
    expect(await statuses(tenant.id)).toEqual({ WAITING: 12 });
    // Signups arriving meanwhile are parked by the next pass, and never pushed.
    await addSignups(database().db, tenant.id, 3, "late");
    await syncUntilIdle(syncDeps(database().store));
    expect(await statuses(tenant.id)).toEqual({ WAITING: 15 });
    expect(await simContacts(world.sim.url)).toHaveLength(0);

    await connectPortal({ db: database().db, tenant }, { actor: owner.actor, connectionId });
    expect(await statuses(tenant.id)).toEqual({ PENDING: 15 });
    await syncUntilIdle(syncDeps(database().store));
    expect(await statuses(tenant.id)).toEqual({ SYNCED: 15 });
  });

  it("parks on disconnect, and the safety sweep releases rows a racing park left behind", async () => {
    const {
      tenant,
      people: [owner],
    } = await seedTenant(database().db);
    const { connectionId } = await connectPortal({ db: database().db, tenant }, { actor: owner.actor });
    await addSignups(database().db, tenant.id, 5);
    await disconnectConnection(database().db, owner.actor, tenant, { connectionId }, defaultIntegrationServices());
    expect(await statuses(tenant.id)).toEqual({ WAITING: 5 });

    await connectPortal({ db: database().db, tenant }, { actor: owner.actor });
    // Simulate the lost race: rows parked although the tenant can send.
    await database().db.signup.updateMany({ where: { tenantId: tenant.id }, data: { status: "WAITING" } });
    expect(await releaseStrandedSignups(database().db)).toBe(5);
    expect(await statuses(tenant.id)).toEqual({ PENDING: 5 });
  });

  it("fills a batch per portal and serves every tenant in the same pass", async () => {
    const tenants = [];
    for (let index = 0; index < 3; index++) {
      const {
        tenant,
        people: [owner],
      } = await seedTenant(database().db);
      await connectPortal({ db: database().db, tenant }, { actor: owner.actor });
      tenants.push(tenant);
    }
    // Arrivals interleaved across tenants, the shape that used to fragment batches.
    for (let round = 0; round < 5; round++) {
      for (const tenant of tenants) await addSignups(database().db, tenant.id, 40, `r${round}-`);
    }
    const claimed: Record<string, number> = {};
    const tenantIds = await tenantsWithPendingSignups(database().db);
    expect(tenantIds.sort()).toEqual(tenants.map((tenant) => tenant.id).sort());
    for (const tenantId of tenantIds) {
      claimed[tenantId] = (await claimTenantSignups(database().store, { workerId: "w", tenantId, limit: 100, leaseMs: 60_000 })).length;
    }
    expect(Object.values(claimed)).toEqual([100, 100, 100]);
    // Claimed rows have left the due range: a second worker gets the next hundred, not the same.
    const second = await claimTenantSignups(database().store, { workerId: "w2", tenantId: tenants[0]!.id, limit: 500, leaseMs: 60_000 });
    expect(second).toHaveLength(100);
  });
});
