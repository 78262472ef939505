// Contract: the shared portal budget's slot statements, the sync-health upsert and the metrics
// gauges' capped counts on SQLite and PostgreSQL (health and gauges were tested on SQLite only before).
import { describe, expect, it } from "vitest";
import { countDueDeliveries, countDueSignups } from "@switchboard/lib/db/statements/counters";
import { pingDatabase } from "@switchboard/lib/db/statements/health-check";
import { settleSlot, takeOldestSlot } from "@switchboard/lib/db/statements/portal-slots";
import { addSyncHealth } from "@switchboard/lib/db/statements/sync-health";
import { testProviders } from "@/tests/helpers/databases";
import { addSignup, useStatementWorld } from "./support/statement-world";

const WINDOW = 10_000;

describe.each(testProviders)("slot, health and counter statements on %s", (provider) => {
  const world = useStatementWorld(provider);

  it("takes the slot used longest ago only once it is a window old, and never the same one twice", async () => {
    const { database } = world();
    const now = Date.now();
    await database.db.portalCallSlot.createMany({
      data: [
        { portalId: "p", slot: 0, usedAt: new Date(now - 2 * WINDOW) },
        { portalId: "p", slot: 1, usedAt: new Date(now - 3 * WINDOW) },
        { portalId: "p", slot: 2, usedAt: new Date(0) }, // beyond the portal's current size (2): never taken
      ],
    });
    const cutoff = new Date(now - WINDOW);
    expect(await takeOldestSlot(database.db, "p", 2, cutoff, new Date(now))).toBe(true);
    expect(
      (await database.db.portalCallSlot.findUniqueOrThrow({ where: { portalId_slot: { portalId: "p", slot: 1 } } })).usedAt.getTime(),
    ).toBe(now);
    expect(await takeOldestSlot(database.db, "p", 2, cutoff, new Date(now))).toBe(true);
    expect(await takeOldestSlot(database.db, "p", 2, cutoff, new Date(now))).toBe(false);
    expect(
      (await database.db.portalCallSlot.findUniqueOrThrow({ where: { portalId_slot: { portalId: "p", slot: 2 } } })).usedAt.getTime(),
    ).toBe(0);
  });

  it("settles a slot to its answer's time unless another call has taken it since", async () => {
    const { database } = world();
    const takenAt = new Date(Date.now() - 500);
    await database.db.portalCallSlot.createMany({
      data: [
        { portalId: "p", slot: 0, usedAt: takenAt },
        { portalId: "p", slot: 1, usedAt: new Date(takenAt.getTime() + 1) },
      ],
    });
    const answeredAt = new Date();
    await settleSlot(database.db, "p", takenAt, answeredAt);
    await settleSlot(database.db, "p", new Date(takenAt.getTime() - 1), answeredAt);
    const slots = await database.db.portalCallSlot.findMany({ orderBy: { slot: "asc" } });
    expect(slots.map((slot) => slot.usedAt.getTime())).toEqual([answeredAt.getTime(), takenAt.getTime() + 1]);
  });

  it("adds a connection-hour's counts, creating the row once, and skips connections that are gone", async () => {
    const w = world();
    const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
    await addSyncHealth(w.database.db, w.connectionId, hour, { synced: 3, failed: 1, rateLimited: 0 });
    await addSyncHealth(w.database.db, w.connectionId, hour, { synced: 2, failed: 0, rateLimited: 4 });
    await addSyncHealth(w.database.db, "deleted-connection", hour, { synced: 9, failed: 9, rateLimited: 9 });
    const rows = await w.database.db.syncHealthHour.findMany();
    expect(rows).toEqual([{ connectionId: w.connectionId, hour, synced: 5, failed: 1, rateLimited: 4 }]);
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
