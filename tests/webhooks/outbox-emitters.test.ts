// Every change that webhooks report puts its event in the outbox with the change itself: connect,
// degrade, recover, reconnect, disconnect (real flows against the simulator) and the sync's outcomes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  DEFAULT_HEALTH_POLICY,
  markNeedsReconnect,
  recordProviderFailure,
  recordProviderSuccess,
} from "@switchboard/lib/integrations/connection-status";
import { disconnectConnection } from "@switchboard/lib/integrations/flows/disconnect-connection";
import { recordRetryLater, recordSynced } from "@switchboard/lib/signups/sync/record-outcomes";
import { startConnectionsFixture, type ConnectionsFixture } from "@/tests/connections/support/connections-fixture";
import { connectPortal } from "@/tests/helpers/connect-portal";
import { testProviders } from "@/tests/helpers/databases";
import { subscribeToEvents } from "@/tests/helpers/outbox-subscriber";

describe.each(testProviders)("webhook outbox emitters on %s", (provider) => {
  let fx: ConnectionsFixture;
  beforeAll(async () => {
    fx = await startConnectionsFixture(provider);
  });
  beforeEach(async () => {
    await fx.reset();
    await fx.db.webhookEvent.deleteMany({});
    await subscribeToEvents(fx.db);
  });
  afterAll(async () => fx?.close());

  const eventTypes = async () =>
    (await fx.db.webhookEvent.findMany({ where: { tenantId: fx.tenant.id }, orderBy: { createdAt: "asc" } })).map((event) => event.type);

  it("reports connect, degrade, recover, needs-reconnect, reconnect and disconnect", async () => {
    const { connectionId: id } = await connectPortal(fx, { actor: fx.admin });
    for (let failure = 0; failure < 4; failure++) await recordProviderFailure(fx.db, id, "HubSpot answered 503", DEFAULT_HEALTH_POLICY); // the 4th: already degraded, no second event
    await recordProviderSuccess(fx.db, id);
    await recordProviderSuccess(fx.db, id); // already connected: no event
    await markNeedsReconnect(fx.db, id, "invalid_grant");
    await connectPortal(fx, { actor: fx.admin, connectionId: id });
    await disconnectConnection(fx.db, fx.admin, fx.tenant, { connectionId: id }, fx.services);
    expect(await eventTypes()).toEqual([
      "connection.created",
      "connection.degraded",
      "connection.recovered",
      "connection.needs_reconnect",
      "connection.recovered",
      "connection.disconnected",
    ]);
    const [created] = await fx.db.webhookEvent.findMany({ where: { type: "connection.created" } });
    expect(JSON.parse(created?.payload ?? "{}")).toMatchObject({
      type: "connection.created",
      data: { connectionId: id, portalId: "62515", status: "connected" },
    });
  });

  /** A signup of the fixture's tenant as a sync worker holds it mid-push. */
  const claimedSignup = (email: string, { claimedBy = "w", attempts = 0 } = {}) =>
    fx.db.signup.create({
      data: {
        tenantId: fx.tenant.id,
        email,
        emailNormalized: email,
        consentGiven: true,
        attempts,
        claimedBy,
        claimedUntil: new Date(Date.now() + 60_000),
      },
    });

  it("reports signup.synced and signup.failed with the sync's outcomes", async () => {
    const { connectionId } = await connectPortal(fx, { actor: fx.admin });
    const [good, bad] = await Promise.all([claimedSignup("good@example.com"), claimedSignup("bad@example.com")]);
    await recordSynced(
      { store: fx.store, workerId: "w" },
      connectionId,
      [{ signup: { ...good, attempts: 0 }, contactId: "901" }],
      [{ signup: { ...bad, attempts: 0 }, reason: "INVALID_EMAIL" }],
    );
    const events = await fx.db.webhookEvent.findMany({ where: { type: { startsWith: "signup." } }, orderBy: { type: "asc" } });
    expect(events.map((event) => [event.type, JSON.parse(event.payload).data])).toEqual([
      [
        "signup.failed",
        { signupId: bad.id, tenantId: fx.tenant.id, email: "bad@example.com", hubspotContactId: null, reason: "INVALID_EMAIL" },
      ],
      ["signup.synced", { signupId: good.id, tenantId: fx.tenant.id, email: "good@example.com", hubspotContactId: "901", reason: null }],
    ]);
  });

  it("writes the sync's outcomes without the events no endpoint receives, and with those one does", async () => {
    const { connectionId } = await connectPortal(fx, { actor: fx.admin });
    // Only failures wanted, by this tenant's own endpoint.
    await fx.db.webhookEndpoint.deleteMany({});
    await subscribeToEvents(fx.db, { tenantId: fx.tenant.id, eventTypes: ["signup.failed"] });
    const [good, bad, retried, givenUp] = await Promise.all([
      claimedSignup("quiet-good@example.com"),
      claimedSignup("quiet-bad@example.com"),
      claimedSignup("quiet-retried@example.com"),
      claimedSignup("quiet-given-up@example.com", { attempts: 9 }),
    ]);
    const owner = { store: fx.store, workerId: "w" };
    await recordSynced(owner, connectionId, [{ signup: good, contactId: "901" }], [{ signup: bad, reason: "INVALID_EMAIL" }]);
    await recordRetryLater(owner, [retried, givenUp], "HubSpot answered 503", { giveUpAfterAttempts: 10 });
    const rows = await fx.db.signup.findMany({
      where: { tenantId: fx.tenant.id, email: { startsWith: "quiet-" } },
      orderBy: { email: "asc" },
      select: { email: true, status: true },
    });
    expect(rows).toEqual([
      { email: "quiet-bad@example.com", status: "FAILED" },
      { email: "quiet-given-up@example.com", status: "FAILED" },
      { email: "quiet-good@example.com", status: "SYNCED" },
      { email: "quiet-retried@example.com", status: "PENDING" },
    ]);
    const events = await fx.db.webhookEvent.findMany({ where: { type: { startsWith: "signup." }, payload: { contains: "quiet-" } } });
    expect(events.map((event) => [event.type, JSON.parse(event.payload).data.signupId]).sort()).toEqual(
      [
        ["signup.failed", bad.id],
        ["signup.failed", givenUp.id],
      ].sort(),
    );
  });

  it("announces only the signups the worker still held: a lapsed claim taken over by another worker writes no event", async () => {
    const { connectionId } = await connectPortal(fx, { actor: fx.admin });
    const [held, lost, givenUp] = await Promise.all([
      claimedSignup("held@example.com"),
      claimedSignup("lost@example.com", { claimedBy: "other" }),
      claimedSignup("given-up@example.com", { claimedBy: "other" }),
    ]);
    const store = { store: fx.store, workerId: "w" };
    await recordSynced(
      store,
      connectionId,
      [
        { signup: { ...held, attempts: 0 }, contactId: "901" },
        { signup: { ...lost, attempts: 0 }, contactId: "902" },
      ],
      [],
    );
    await recordRetryLater(store, [{ ...givenUp, attempts: 9 }], "HubSpot answered 503", { giveUpAfterAttempts: 10 });
    const events = await fx.db.webhookEvent.findMany({ where: { type: { startsWith: "signup." } } });
    expect(events.map((event) => JSON.parse(event.payload).data.signupId)).toEqual([held.id]);
    const rows = await fx.db.signup.findMany({ where: { id: { in: [lost.id, givenUp.id] } }, select: { status: true, claimedBy: true } });
    expect(rows).toEqual([
      { status: "PENDING", claimedBy: "other" },
      { status: "PENDING", claimedBy: "other" },
    ]);
  });
});
