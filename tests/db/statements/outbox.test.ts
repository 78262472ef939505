// Contract: the webhook outbox's statements on SQLite and PostgreSQL — fan-out reads and marks,
// delivery claims (due, enabled, unclaimed only), the claimed deliveries' read, and outcomes with
// their attempts written only under the worker's claim.
import { describe, expect, it } from "vitest";
import {
  fanOutOldestEvents,
  insertDeliveries,
  receivableAmongSql,
  markEventsFannedOut,
  selectUnfannedEvents,
  type UnfannedEvent,
} from "@switchboard/lib/db/statements/outbox";
import { claimDueDeliveries, recordDeliveryOutcomes, selectClaimedDeliveries } from "@switchboard/lib/db/statements/outbox-deliveries";
import { recordWebhookEvents } from "@switchboard/lib/webhooks/record-webhook-events";
import { testProviders } from "@/tests/helpers/databases";
import { seedTenant } from "@/tests/helpers/seed-tenant";
import { useStatementWorld, type StatementWorld } from "./support/statement-world";

const MINUTE = 60_000;

async function addDelivery(
  w: StatementWorld,
  data: { enabled?: boolean; nextAttemptAt?: Date; claimedBy?: string; claimedUntil?: Date; status?: "PENDING" | "DELIVERED" } = {},
) {
  const { enabled = true, ...delivery } = data;
  const endpoint = await w.database.db.webhookEndpoint.create({
    data: { tenantId: w.tenantId, url: "https://hooks.example.com/in", secretCiphertext: "sealed", enabled },
  });
  const event = await w.database.db.webhookEvent.create({
    data: { id: `msg_${endpoint.id}`, tenantId: w.tenantId, type: "signup.synced", payload: '{"n":1}' },
  });
  return w.database.db.webhookDelivery.create({ data: { eventId: event.id, endpointId: endpoint.id, ...delivery } });
}

describe.each(testProviders)("outbox statements on %s", (provider) => {
  const world = useStatementWorld(provider);

  it("finds the events an endpoint receives by the same rule in SQL (the outcome statements' re-check) and in the client (the writers)", async () => {
    const w = world();
    const { db } = w.database;
    const { tenant: quiet } = await seedTenant(db, { people: [] });
    const { tenant: paused } = await seedTenant(db, { people: [] });
    const endpoint = (data: { tenantId?: string; eventTypes?: string; enabled?: boolean }) =>
      db.webhookEndpoint.create({ data: { url: "https://hooks.example.com/in", secretCiphertext: "sealed", ...data } });
    await endpoint({ tenantId: w.tenantId, eventTypes: "signup.failed connection.needs_reconnect" });
    await endpoint({ tenantId: paused.id, enabled: false });
    const data = { signupId: "s", tenantId: w.tenantId, email: "a@example.com", hubspotContactId: null, reason: null };
    const events = [
      { key: "wanted", tenantId: w.tenantId, type: "signup.failed" as const },
      { key: "also-wanted", tenantId: w.tenantId, type: "connection.needs_reconnect" as const },
      { key: "other-type", tenantId: w.tenantId, type: "signup.synced" as const },
      { key: "disabled", tenantId: paused.id, type: "signup.failed" as const },
      { key: "no-endpoint", tenantId: quiet.id, type: "signup.failed" as const },
      { key: "operator", tenantId: null, type: "signup.failed" as const },
    ];
    // The SQL rule asked of each kind on its own (receivableAmongSql); the client's by what recordWebhookEvents writes.
    const writeBoth = async (round: string) => {
      const viaSql: string[] = [];
      for (const event of events) {
        const [row] = await db.$queryRaw<{ found: number | boolean }[]>`
          SELECT ${receivableAmongSql(w.database.store.dialect, [{ tenantId: event.tenantId, type: event.type }])} AS "found"`;
        if (row?.found === true || Number(row?.found) === 1) viaSql.push(event.key);
      }
      await recordWebhookEvents(
        db,
        events.map((event) => ({ tenantId: event.tenantId, type: event.type, data: { ...data, signupId: `${round}-${event.key}` } })),
      );
      const written = await db.webhookEvent.findMany({ where: { payload: { contains: `"${round}-` } } });
      const viaClient = written.map((row) => (JSON.parse(row.payload).data.signupId as string).slice(round.length + 1));
      return { viaSql: viaSql.sort(), viaClient: viaClient.sort() };
    };
    expect(await writeBoth("r1")).toEqual({ viaSql: ["also-wanted", "wanted"], viaClient: ["also-wanted", "wanted"] });
    // An operator-wide endpoint takes every tenant's events of its types, and events with no tenant.
    await endpoint({ eventTypes: "signup.failed" });
    const everyFailure = ["also-wanted", "disabled", "no-endpoint", "operator", "wanted"];
    expect(await writeBoth("r2")).toEqual({ viaSql: everyFailure, viaClient: everyFailure });
  });

  it("reads events not fanned out yet, oldest first, and marks only open ones", async () => {
    const w = world();
    const base = Date.now() - MINUTE;
    const at = (offset: number) => new Date(base + offset);
    for (const [index, id] of ["a", "b", "c"].entries()) {
      await w.database.db.webhookEvent.create({
        data: {
          id,
          tenantId: w.tenantId,
          type: "signup.synced",
          payload: "{}",
          createdAt: at(index),
          ...(id === "b" ? { fannedOutAt: new Date() } : {}),
        },
      });
    }
    const open = await selectUnfannedEvents(w.database.store, 10);
    expect(open.map((event) => event.id)).toEqual(["a", "c"]);
    expect(open[0]).toMatchObject({ tenantId: w.tenantId, type: "signup.synced" });
    expect(open[0]!.createdAt.getTime()).toBe(at(0).getTime());
    expect((await selectUnfannedEvents(w.database.store, 1)).map((event) => event.id)).toEqual(["a"]);
    const earlier = await w.database.db.webhookEvent.findUniqueOrThrow({ where: { id: "b" } });
    const marked = new Date(Date.now() + MINUTE);
    await markEventsFannedOut(w.database.store, ["a", "b"], marked);
    expect((await selectUnfannedEvents(w.database.store, 10)).map((event) => event.id)).toEqual(["c"]);
    const after = await w.database.db.webhookEvent.findMany({ where: { id: { in: ["a", "b"] } }, orderBy: { id: "asc" } });
    // "a" gets this fan-out's time; "b", fanned out before, keeps its own.
    expect(after.map((event) => event.fannedOutAt?.getTime())).toEqual([marked.getTime(), earlier.fannedOutAt!.getTime()]);
  });

  it("inserts one delivery per event and endpoint, due when the event happened, and skips pairs that exist", async () => {
    const w = world();
    const endpoint = await w.database.db.webhookEndpoint.create({
      data: { tenantId: w.tenantId, url: "https://hooks.example.com/in", secretCiphertext: "sealed" },
    });
    const happened = new Date(Date.now() - MINUTE);
    for (const id of ["e1", "e2"])
      await w.database.db.webhookEvent.create({
        data: { id, tenantId: w.tenantId, type: "signup.synced", payload: "{}", createdAt: happened },
      });
    const now = new Date();
    await insertDeliveries(w.database.store, [{ eventId: "e1", endpointId: endpoint.id }], now);
    await insertDeliveries(
      w.database.store,
      [
        { eventId: "e1", endpointId: endpoint.id },
        { eventId: "e2", endpointId: endpoint.id },
      ],
      now,
    );
    const rows = await w.database.db.webhookDelivery.findMany({ orderBy: { eventId: "asc" } });
    expect(
      rows.map((row) => [
        row.eventId,
        row.status,
        row.attempts,
        row.nextAttemptAt.getTime(),
        row.createdAt.getTime(),
        row.updatedAt.getTime(),
      ]),
    ).toEqual([
      ["e1", "PENDING", 0, happened.getTime(), now.getTime(), now.getTime()],
      ["e2", "PENDING", 0, happened.getTime(), now.getTime(), now.getTime()],
    ]);
  });

  it("claims due deliveries of enabled endpoints that nobody holds, under a lease", async () => {
    const w = world();
    const now = new Date();
    const due = await addDelivery(w, { nextAttemptAt: new Date(now.getTime() - 1) });
    const lapsed = await addDelivery(w, {
      claimedBy: "dead",
      claimedUntil: new Date(now.getTime() - 1),
      nextAttemptAt: new Date(now.getTime() - 2),
    });
    await addDelivery(w, { nextAttemptAt: new Date(now.getTime() + MINUTE) });
    const past = new Date(now.getTime() - 1);
    await addDelivery(w, { enabled: false, nextAttemptAt: past });
    await addDelivery(w, { claimedBy: "other", claimedUntil: new Date(now.getTime() + MINUTE), nextAttemptAt: past });
    await addDelivery(w, { status: "DELIVERED", nextAttemptAt: past });
    const until = new Date(now.getTime() + MINUTE);
    const claimed = await claimDueDeliveries(w.database.store, "w1", 10, now, until);
    expect(claimed.sort()).toEqual([due.id, lapsed.id].sort());
    expect(await claimDueDeliveries(w.database.store, "w2", 10, now, until)).toEqual([]);
    const rows = await w.database.db.webhookDelivery.findMany({ where: { claimedBy: "w1" } });
    expect(rows.map((row) => row.claimedUntil!.getTime())).toEqual([until.getTime(), until.getTime()]);
  });

  it("reads what sending needs for the deliveries this worker holds, and nothing for others", async () => {
    const w = world();
    const mine = await addDelivery(w, { claimedBy: "w1", claimedUntil: new Date(Date.now() + MINUTE) });
    const theirs = await addDelivery(w, { claimedBy: "w2", claimedUntil: new Date(Date.now() + MINUTE) });
    const [delivery, ...rest] = await selectClaimedDeliveries(w.database.store, "w1", [mine.id, theirs.id]);
    expect(rest).toEqual([]);
    expect(delivery).toMatchObject({
      id: mine.id,
      attempts: 0,
      eventId: mine.eventId,
      payload: '{"n":1}',
      endpoint: {
        id: mine.endpointId,
        tenantId: w.tenantId,
        url: "https://hooks.example.com/in",
        secretCiphertext: "sealed",
        previousSecretCiphertext: null,
        previousSecretExpiresAt: null,
        failingSince: null,
      },
    });
  });

  it("records outcomes and attempts only under the worker's claim", async () => {
    const w = world();
    const claim = (by: string) => ({ claimedBy: by, claimedUntil: new Date(Date.now() + MINUTE) });
    const [delivered, retried, failed, lost] = await Promise.all([
      addDelivery(w, claim("w1")),
      addDelivery(w, claim("w1")),
      addDelivery(w, claim("w1")),
      addDelivery(w, claim("w2")),
    ]);
    const now = new Date();
    const retryAt = new Date(now.getTime() + 5 * MINUTE);
    const written = await recordDeliveryOutcomes(
      w.database.store,
      "w1",
      [
        { id: delivered!.id, status: "DELIVERED", attempts: 1, statusCode: 204, error: null, latencyMs: 12, nextAttemptAt: null },
        {
          id: retried!.id,
          status: "PENDING",
          attempts: 1,
          statusCode: 500,
          error: "Answered HTTP 500",
          latencyMs: 30,
          nextAttemptAt: retryAt,
        },
        { id: failed!.id, status: "FAILED", attempts: 1, statusCode: null, error: "Could not connect", latencyMs: 3, nextAttemptAt: null },
        { id: lost!.id, status: "DELIVERED", attempts: 1, statusCode: 204, error: null, latencyMs: 1, nextAttemptAt: null },
      ],
      now,
    );
    expect([...written].sort()).toEqual([delivered!.id, retried!.id, failed!.id].sort());
    const row = (id: string) => w.database.db.webhookDelivery.findUniqueOrThrow({ where: { id } });
    expect(await row(delivered!.id)).toMatchObject({
      status: "DELIVERED",
      attempts: 1,
      lastStatusCode: 204,
      lastError: null,
      lastLatencyMs: 12,
      claimedBy: null,
      deliveredAt: now,
    });
    expect(await row(retried!.id)).toMatchObject({
      status: "PENDING",
      lastStatusCode: 500,
      lastError: "Answered HTTP 500",
      nextAttemptAt: retryAt,
      deliveredAt: null,
    });
    expect(await row(failed!.id)).toMatchObject({ status: "FAILED", lastStatusCode: null, lastError: "Could not connect" });
    expect(await row(lost!.id)).toMatchObject({ status: "PENDING", claimedBy: "w2", attempts: 0 });
    const attempts = await w.database.db.webhookAttempt.findMany({ orderBy: { latencyMs: "asc" } });
    expect(attempts.map((attempt) => [attempt.deliveryId, attempt.statusCode, attempt.latencyMs, attempt.error])).toEqual([
      [failed!.id, null, 3, "Could not connect"],
      [delivered!.id, 204, 12, null],
      [retried!.id, 500, 30, "Answered HTTP 500"],
    ]);
    expect(attempts[0]!.attemptedAt.getTime()).toBe(now.getTime());
  });
});

describe("fan-out on PostgreSQL, two workers at once", () => {
  const world = useStatementWorld("postgresql");

  it("gives the second worker the next events while the first holds its own, and writes each delivery once", async () => {
    const w = world();
    const endpoint = await w.database.db.webhookEndpoint.create({
      data: { tenantId: w.tenantId, url: "https://hooks.example.com/in", secretCiphertext: "sealed" },
    });
    const happened = Date.now() - MINUTE;
    for (let index = 0; index < 10; index++)
      await w.database.db.webhookEvent.create({
        data: { id: `ev${index}`, tenantId: w.tenantId, type: "signup.synced", payload: "{}", createdAt: new Date(happened + index) },
      });
    const seen: string[][] = [];
    const toEndpoint = (events: UnfannedEvent[]) => {
      seen.push(events.map((event) => event.id));
      return events.map((event) => ({ eventId: event.id, endpointId: endpoint.id }));
    };
    // The second worker's whole step runs while the first is between its read and its commit.
    await fanOutOldestEvents(w.database.store, 5, async (_connection, events) => {
      expect(await fanOutOldestEvents(w.database.store, 5, async (_inner, next) => toEndpoint(next))).toBe(5);
      return toEndpoint(events);
    });
    expect(seen[0]).toEqual(["ev5", "ev6", "ev7", "ev8", "ev9"]);
    expect(seen[1]).toEqual(["ev0", "ev1", "ev2", "ev3", "ev4"]);
    expect(await w.database.db.webhookDelivery.count()).toBe(10);
    expect(await w.database.db.webhookEvent.count({ where: { fannedOutAt: null } })).toBe(0);
  });
});
