// Contract: the shared portal budget's slot statements, the sync-health upsert and the metrics
// gauges' capped counts on SQLite and PostgreSQL (health and gauges were tested on SQLite only before).
import { describe, expect, it } from "vitest";
import { countDueDeliveries, countDueSignups } from "@switchboard/lib/db/statements/counters";
import { pingDatabase } from "@switchboard/lib/db/statements/health-check";
import { addSlots, settleSlots, slotUse, takeOldestSlots } from "@switchboard/lib/db/statements/portal-slots";
import { addSyncHealth } from "@switchboard/lib/db/statements/sync-health";
import { testProviders } from "@/tests/helpers/databases";
import { addSignup, useStatementWorld } from "./support/statement-world";

const WINDOW = 10_000;

describe.each(testProviders)("slot, health and counter statements on %s", (provider) => {
  const world = useStatementWorld(provider);

  const usedAt = async (portalId: string) =>
    (await world().database.db.portalCallSlot.findMany({ where: { portalId }, orderBy: { slot: "asc" } })).map((slot) =>
      slot.usedAt.getTime(),
    );

  it("takes each portal's slot used longest ago only once it is a window old, and never the same one twice", async () => {
    const { database } = world();
    const { store } = database;
    const now = Date.now();
    await database.db.portalCallSlot.createMany({
      data: [
        { portalId: "p", slot: 0, usedAt: new Date(now - 2 * WINDOW) },
        { portalId: "p", slot: 1, usedAt: new Date(now - 3 * WINDOW) },
        { portalId: "p", slot: 2, usedAt: new Date(0) }, // beyond the portal's current size (2): never taken
        { portalId: "q", slot: 0, usedAt: new Date(now - 500) },
        { portalId: "r", slot: 0, usedAt: new Date(now - 2 * WINDOW) },
      ],
    });
    const request = (portalId: string, slots = 2) => ({ portalId, slots, cutoff: new Date(now - WINDOW), now: new Date(now) });
    expect(await takeOldestSlots(store, [request("p"), request("q", 1), request("r", 1)])).toEqual(new Set(["p", "r"]));
    expect(await usedAt("p")).toEqual([now - 2 * WINDOW, now, 0]);
    expect(await usedAt("q")).toEqual([now - 500]);
    expect(await takeOldestSlots(store, [request("p"), request("r", 1)])).toEqual(new Set(["p"]));
    expect(await takeOldestSlots(store, [request("p")])).toEqual(new Set());
    expect(await usedAt("p")).toEqual([now, now, 0]);
    expect(await takeOldestSlots(store, [])).toEqual(new Set());
  });

  it("adds a slot to each portal that has fewer than its size, once however often asked", async () => {
    const { database } = world();
    const { store } = database;
    const now = Date.now();
    await database.db.portalCallSlot.create({ data: { portalId: "full", slot: 0, usedAt: new Date(now - 500) } });
    const request = (portalId: string, slots: number, at = now) => ({ portalId, slots, cutoff: new Date(at - WINDOW), now: new Date(at) });
    expect(await addSlots(store, [request("new", 2), request("full", 1)])).toEqual(new Set(["new"]));
    expect(await usedAt("new")).toEqual([now]);
    expect(await usedAt("full")).toEqual([now - 500]);
    expect(await addSlots(store, [request("new", 2, now + 1)])).toEqual(new Set(["new"]));
    expect(await addSlots(store, [request("new", 2, now + 2)])).toEqual(new Set());
    expect(await usedAt("new")).toEqual([now, now + 1]);
  });

  it("adds slots for many portals from two workers at once, each portal's in the same order, so neither deadlocks the other", async () => {
    const { database } = world();
    const portals = Array.from({ length: 40 }, (_, index) => `shared-${String(index).padStart(2, "0")}`);
    const now = new Date();
    const requests = (order: string[]) => order.map((portalId) => ({ portalId, slots: 5, cutoff: now, now }));
    // Two workers asking for the same portals, listed in opposite orders, on two connections at once.
    for (let round = 0; round < 5; round++)
      await Promise.all([addSlots(database.store, requests(portals)), addSlots(database.store, requests([...portals].reverse()))]);
    expect(await database.db.portalCallSlot.count({ where: { portalId: { startsWith: "shared-" } } })).toBe(5 * portals.length);
  });

  it("takes and settles slots of many portals from two workers at once without deadlocking", async () => {
    const { database } = world();
    const portals = Array.from({ length: 40 }, (_, index) => `busy-${String(index).padStart(2, "0")}`);
    await database.db.portalCallSlot.createMany({
      data: portals.flatMap((portalId) => Array.from({ length: 10 }, (_, slot) => ({ portalId, slot, usedAt: new Date(0) }))),
    });
    for (let round = 0; round < 5; round++) {
      const now = new Date(Date.now() + round);
      const requests = (order: string[]) => order.map((portalId) => ({ portalId, slots: 10, cutoff: now, now }));
      const settlements = (order: string[]) =>
        order.map((portalId) => ({ portalId, takenAt: now, answeredAt: new Date(now.getTime() + 1) }));
      await Promise.all([
        takeOldestSlots(database.store, requests(portals)),
        takeOldestSlots(database.store, requests([...portals].reverse())),
      ]);
      await Promise.all([
        settleSlots(database.store, settlements(portals)),
        settleSlots(database.store, settlements([...portals].reverse())),
      ]);
    }
    // Each round, each portal's oldest slot went to one of the two workers or to both in turn.
    expect(
      await database.db.portalCallSlot.count({ where: { portalId: { startsWith: "busy-" }, usedAt: { gt: new Date(0) } } }),
    ).toBeGreaterThanOrEqual(5 * portals.length);
  });

  it("settles slots to their answers' times unless another call has taken them since", async () => {
    const { database } = world();
    const takenAt = new Date(Date.now() - 500);
    await database.db.portalCallSlot.createMany({
      data: [
        { portalId: "p", slot: 0, usedAt: takenAt },
        { portalId: "p", slot: 1, usedAt: new Date(takenAt.getTime() + 1) },
        { portalId: "q", slot: 0, usedAt: takenAt },
      ],
    });
    const answeredAt = new Date();
    await settleSlots(database.store, [
      { portalId: "p", takenAt, answeredAt },
      { portalId: "p", takenAt: new Date(takenAt.getTime() - 1), answeredAt },
      { portalId: "q", takenAt, answeredAt: new Date(answeredAt.getTime() + 7) },
    ]);
    expect(await usedAt("p")).toEqual([answeredAt.getTime(), takenAt.getTime() + 1]);
    expect(await usedAt("q")).toEqual([answeredAt.getTime() + 7]);
    // A slot taken by takeOldestSlots settles too (the stamps it writes compare equal).
    const now = Date.now();
    const [taken] = await takeOldestSlots(database.store, [{ portalId: "q", slots: 1, cutoff: new Date(now + 10), now: new Date(now) }]);
    expect(taken).toBe("q");
    await settleSlots(database.store, [{ portalId: "q", takenAt: new Date(now), answeredAt: new Date(now + 40) }]);
    expect(await usedAt("q")).toEqual([now + 40]);
  });

  it("tells how many of a portal's first slots exist and the oldest use among them", async () => {
    const { database } = world();
    await database.db.portalCallSlot.createMany({
      data: [
        { portalId: "p", slot: 0, usedAt: new Date(3_000) },
        { portalId: "p", slot: 1, usedAt: new Date(2_000) },
        { portalId: "p", slot: 2, usedAt: new Date(1_000) },
      ],
    });
    expect(await slotUse(database.db, "p", 2)).toEqual({ count: 2, oldest: new Date(2_000) });
    expect(await slotUse(database.db, "none", 2)).toEqual({ count: 0, oldest: null });
  });

  it("adds connection-hours' counts in one statement, creating each row once, and skips connections that are gone", async () => {
    const w = world();
    const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
    const other = await w.database.db.connection.create({ data: { tenantId: w.tenantId, provider: "hubspot", portalId: "70001" } });
    const { store } = w.database;
    await addSyncHealth(store, [
      { connectionId: w.connectionId, hour, synced: 3, failed: 1, rateLimited: 0 },
      { connectionId: other.id, hour, synced: 1, failed: 0, rateLimited: 0 },
    ]);
    await addSyncHealth(store, [
      { connectionId: w.connectionId, hour, synced: 2, failed: 0, rateLimited: 4 },
      { connectionId: "deleted-connection", hour, synced: 9, failed: 9, rateLimited: 9 },
    ]);
    await addSyncHealth(store, []);
    const rows = await w.database.db.syncHealthHour.findMany({ orderBy: { synced: "desc" } });
    expect(rows).toEqual([
      { connectionId: w.connectionId, hour, synced: 5, failed: 1, rateLimited: 4 },
      { connectionId: other.id, hour, synced: 1, failed: 0, rateLimited: 0 },
    ]);
  });

  it("counts due signups and deliveries up to the cap, and nothing that is not due", async () => {
    const w = world();
    for (let index = 0; index < 3; index++) await addSignup(w, { nextAttemptAt: new Date(Date.now() - 1_000) });
    await addSignup(w, { nextAttemptAt: new Date(Date.now() + 60_000) });
    await addSignup(w, { status: "WAITING" });
    expect(await countDueSignups(w.database.db, new Date(), 100)).toBe(3);
    expect(await countDueSignups(w.database.db, new Date(), 2)).toBe(2);
    const endpoint = await w.database.db.webhookEndpoint.create({
      data: { tenantId: w.tenantId, url: "https://hooks.example.com/", secretCiphertext: "x" },
    });
    for (const [index, status] of (["PENDING", "PENDING", "DELIVERED"] as const).entries()) {
      const event = await w.database.db.webhookEvent.create({ data: { id: `e${index}`, type: "signup.synced", payload: "{}" } });
      await w.database.db.webhookDelivery.create({
        data: { eventId: event.id, endpointId: endpoint.id, status, nextAttemptAt: new Date(Date.now() - 1_000) },
      });
    }
    expect(await countDueDeliveries(w.database.db, new Date(), 100)).toBe(2);
    expect(await countDueDeliveries(w.database.db, new Date(), 1)).toBe(1);
  });

  it("answers the health check's ping", async () => {
    await expect(pingDatabase(world().database.db)).resolves.toBeUndefined();
  });
});
