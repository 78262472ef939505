// Contract: the sync's outcome statements on SQLite and PostgreSQL — answers, retries and releases are
// written only to rows the worker still holds, and the events announcing them commit with them,
// only for those rows.
import { describe, expect, it } from "vitest";
import { releaseSignupClaims, writeAnsweredSignups, writeRetriedSignups } from "@switchboard/lib/db/statements/signup-outcomes";
import type { OutboxRow } from "@switchboard/lib/db/statements/outbox";
import { testProviders } from "@/tests/helpers/databases";
import { seedTenant } from "@/tests/helpers/seed-tenant";
import { addSignup, useStatementWorld, type StatementWorld } from "./support/statement-world";

const MINUTE = 60_000;
const held = () => ({ claimedBy: "w1", claimedUntil: new Date(Date.now() + MINUTE) });
const eventFor = (signupId: string, type: string): OutboxRow => ({
  id: `msg_${signupId}`,
  tenantId: null,
  type,
  payload: JSON.stringify({ signupId }),
  key: signupId,
});

// The events carry no tenant: an operator-wide endpoint receives them (an event nobody receives is not written).
const receiveEveryEvent = (w: StatementWorld) =>
  w.database.db.webhookEndpoint.create({ data: { url: "https://hooks.example.com/in", secretCiphertext: "sealed" } });

describe.each(testProviders)("signup outcome statements on %s", (provider) => {
  const world = useStatementWorld(provider);

  it("writes SYNCED and FAILED answers with their events, skipping rows another worker holds", async () => {
    const w = world();
    await receiveEveryEvent(w);
    const synced = await addSignup(w, held());
    const rejected = await addSignup(w, held());
    const lost = await addSignup(w, { claimedBy: "w2", claimedUntil: new Date(Date.now() + MINUTE) });
    const now = new Date();
    const { tenant: other } = await seedTenant(w.database.db, { people: [] });
    const otherConnection = await w.database.db.connection.create({ data: { tenantId: other.id, provider: "hubspot", portalId: "70001" } });
    const elsewhere = await w.database.db.signup.create({
      data: { tenantId: other.id, email: "e@example.com", emailNormalized: "e@example.com", ...held() },
    });
    await writeAnsweredSignups(
      w.database.store,
      "w1",
      [
        { id: synced.id, connectionId: w.connectionId, status: "SYNCED", contactId: "901", lastError: null },
        { id: rejected.id, connectionId: w.connectionId, status: "FAILED", contactId: null, lastError: "INVALID_EMAIL" },
        { id: lost.id, connectionId: w.connectionId, status: "SYNCED", contactId: "902", lastError: null },
        // Another tenant's call, answered at the same moment: one statement writes both.
        { id: elsewhere.id, connectionId: otherConnection.id, status: "SYNCED", contactId: "903", lastError: null },
      ],
      { rows: [eventFor(synced.id, "signup.synced"), eventFor(rejected.id, "signup.failed"), eventFor(lost.id, "signup.synced")] },
      now,
    );
    expect(await w.database.db.signup.findUniqueOrThrow({ where: { id: elsewhere.id } })).toMatchObject({
      status: "SYNCED",
      hubspotContactId: "903",
      connectionId: otherConnection.id,
      claimedBy: null,
    });
    const rows = await w.database.db.signup.findMany({ where: { tenantId: w.tenantId }, orderBy: { email: "asc" } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(synced.id)).toMatchObject({
      status: "SYNCED",
      hubspotContactId: "901",
      attempts: 1,
      claimedBy: null,
      connectionId: w.connectionId,
      lastError: null,
    });
    expect(byId.get(synced.id)!.syncedAt!.getTime()).toBe(now.getTime());
    expect(byId.get(rejected.id)).toMatchObject({
      status: "FAILED",
      hubspotContactId: null,
      syncedAt: null,
      lastError: "INVALID_EMAIL",
      attempts: 1,
    });
    expect(byId.get(lost.id)).toMatchObject({ status: "PENDING", claimedBy: "w2", attempts: 0 });
    const events = await w.database.db.webhookEvent.findMany({ orderBy: { type: "asc" } });
    expect(events.map((event) => [event.type, event.id])).toEqual([
      ["signup.failed", `msg_${rejected.id}`],
      ["signup.synced", `msg_${synced.id}`],
    ]);
    expect(events[0]!.createdAt.getTime()).toBe(now.getTime());
  });

  it("writes nothing when an endpoint now receives a kind of event the writer left out, and the writer's second write announces it", async () => {
    const w = world();
    const synced = await addSignup(w, held());
    const unannounced = [{ tenantId: w.tenantId, type: "signup.synced" }];
    const answer = [{ id: synced.id, connectionId: w.connectionId, status: "SYNCED" as const, contactId: "901", lastError: null }];
    // No endpoint yet: the outcome is written without the event the writer left out.
    const other = await addSignup(w, held());
    const otherAnswer = [{ ...answer[0]!, id: other.id }];
    expect(await writeAnsweredSignups(w.database.store, "w1", otherAnswer, { rows: [], unannounced }, new Date())).toBe(true);
    expect(await w.database.db.signup.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ status: "SYNCED" });
    // An endpoint of the tenant for signup.synced appears between the writer's look and its statement.
    await w.database.db.webhookEndpoint.create({
      data: { tenantId: w.tenantId, url: "https://hooks.example.com/in", secretCiphertext: "sealed", eventTypes: "signup.synced" },
    });
    expect(await writeAnsweredSignups(w.database.store, "w1", answer, { rows: [], unannounced }, new Date())).toBe(false);
    expect(await w.database.db.signup.findUniqueOrThrow({ where: { id: synced.id } })).toMatchObject({
      status: "PENDING",
      claimedBy: "w1",
    });
    const retried = await writeRetriedSignups(
      w.database.store,
      "w1",
      { ids: [synced.id], lastError: "x", givenUp: [], retried: [{ id: synced.id, nextAttemptAt: new Date() }] },
      { rows: [], unannounced },
      new Date(),
    );
    expect(retried).toBe(false);
    expect(await w.database.db.signup.findUniqueOrThrow({ where: { id: synced.id } })).toMatchObject({ attempts: 0, claimedBy: "w1" });
    const event = { ...eventFor(synced.id, "signup.synced"), tenantId: w.tenantId };
    expect(await writeAnsweredSignups(w.database.store, "w1", answer, { rows: [event] }, new Date())).toBe(true);
    expect(await w.database.db.signup.findUniqueOrThrow({ where: { id: synced.id } })).toMatchObject({ status: "SYNCED" });
    expect((await w.database.db.webhookEvent.findMany()).map((event) => event.id)).toEqual([`msg_${synced.id}`]);
  });

  it("counts a retry, gives up on rows past the limit (FAILED, with their own message and event) and reschedules the rest", async () => {
    const w = world();
    await receiveEveryEvent(w);
    const retried = await addSignup(w, held());
    const givenUp = await addSignup(w, { ...held(), attempts: 9 });
    const nextAttemptAt = new Date(Date.now() + 10 * MINUTE);
    await writeRetriedSignups(
      w.database.store,
      "w1",
      {
        ids: [retried.id, givenUp.id],
        lastError: "HTTP 503",
        givenUp: [{ id: givenUp.id, lastError: "gave up after 10 attempts: HTTP 503" }],
        retried: [{ id: retried.id, nextAttemptAt }],
      },
      { rows: [eventFor(givenUp.id, "signup.failed")] },
      new Date(),
    );
    expect(await w.database.db.signup.findUniqueOrThrow({ where: { id: retried.id } })).toMatchObject({
      status: "PENDING",
      attempts: 1,
      lastError: "HTTP 503",
      claimedBy: null,
      nextAttemptAt,
    });
    expect(await w.database.db.signup.findUniqueOrThrow({ where: { id: givenUp.id } })).toMatchObject({
      status: "FAILED",
      attempts: 10,
      lastError: "gave up after 10 attempts: HTTP 503",
    });
    expect((await w.database.db.webhookEvent.findMany()).map((event) => event.id)).toEqual([`msg_${givenUp.id}`]);
  });

  it("writes no retry and no event for a row whose claim moved on", async () => {
    const w = world();
    await receiveEveryEvent(w);
    const lost = await addSignup(w, { claimedBy: "w2", claimedUntil: new Date(Date.now() + MINUTE), attempts: 9 });
    await writeRetriedSignups(
      w.database.store,
      "w1",
      { ids: [lost.id], lastError: "x", givenUp: [{ id: lost.id, lastError: "gave up" }], retried: [] },
      { rows: [eventFor(lost.id, "signup.failed")] },
      new Date(),
    );
    expect(await w.database.db.signup.findUniqueOrThrow({ where: { id: lost.id } })).toMatchObject({
      status: "PENDING",
      attempts: 9,
      claimedBy: "w2",
    });
    expect(await w.database.db.webhookEvent.count()).toBe(0);
  });

  it("hands rows back uncounted, keeping each row's lastError when none is given", async () => {
    const w = world();
    const first = await w.database.db.signup.update({ where: { id: (await addSignup(w, held())).id }, data: { lastError: "earlier" } });
    const second = await addSignup(w, held());
    const until = new Date(Date.now() + 2 * MINUTE);
    await releaseSignupClaims(w.database.store, "w1", [first.id], until, null, new Date());
    await releaseSignupClaims(w.database.store, "w1", [second.id], until, "waiting", new Date());
    expect(await w.database.db.signup.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      claimedBy: null,
      attempts: 0,
      lastError: "earlier",
      nextAttemptAt: until,
    });
    expect(await w.database.db.signup.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
      claimedBy: null,
      lastError: "waiting",
    });
  });
});
