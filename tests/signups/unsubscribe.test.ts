// Unsubscribing below the routes, on both databases: the link's HMAC token (unguessable, tamper-
// evident, no storage), and the one unsubscribe transition — status, time, HubSpot follow-up flag
// and signup.unsubscribed in one commit — which wins over a sync push racing it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findUnsubscribe } from "@switchboard/lib/signups/consent/find-unsubscribe";
import {
  unsubscribeLinkKey,
  unsubscribeToken,
  unsubscribeUrl,
  verifyUnsubscribeToken,
} from "@switchboard/lib/signups/consent/unsubscribe-link";
import { unsubscribeSignup } from "@switchboard/lib/signups/consent/unsubscribe-signup";
import { recordSignup } from "@switchboard/lib/signups/intake/record-signup";
import { claimTenantSignups } from "@switchboard/lib/signups/sync/claim-signups";
import { recordSynced } from "@switchboard/lib/signups/sync/record-outcomes";
import { createTestDatabase, testProviders, type TestDatabase } from "@/tests/helpers/databases";
import { seedTenant } from "@/tests/helpers/seed-tenant";
import { subscribeToEvents } from "@/tests/helpers/outbox-subscriber";

const key = unsubscribeLinkKey("a-test-secret-that-is-long-enough-0123456789");

describe("unsubscribe link tokens", () => {
  it("name their signup, and nothing when forged, truncated, re-keyed or malformed", () => {
    const token = unsubscribeToken(key, "cabc123def456ghi789jkl012");
    expect(verifyUnsubscribeToken(key, token)).toBe("cabc123def456ghi789jkl012");
    expect(unsubscribeUrl("https://sb.example", key, "cabc123def456ghi789jkl012")).toBe(`https://sb.example/unsubscribe/${token}`);
    const [id, mac] = token.split(".") as [string, string];
    const flipped = `${mac.slice(0, -1)}${mac.endsWith("A") ? "B" : "A"}`;
    for (const forged of [
      `${id}.${flipped}`,
      `cother0000000000000000000.${mac}`,
      id,
      `${token}.x`,
      token.slice(0, -1),
      "",
      ".",
      `${id.toUpperCase()}.${mac}`,
    ]) {
      expect(verifyUnsubscribeToken(key, forged)).toBeNull();
    }
    expect(verifyUnsubscribeToken(unsubscribeLinkKey("another-secret-that-is-long-enough-0123456"), token)).toBeNull();
  });
});

describe.each(testProviders)("unsubscribing on %s", (provider) => {
  let database: TestDatabase;
  let tenant: { id: string; name: string; consentText: string; doubleOptIn: boolean };
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    tenant = (await seedTenant(database.db, { name: "Fabrikam" })).tenant;
    await subscribeToEvents(database.db);
  });
  afterAll(async () => database?.drop());

  const store = () => database.store;
  const events = (signupId: string) =>
    database.db.webhookEvent.findMany({ where: { type: "signup.unsubscribed", payload: { contains: signupId } } });

  it("marks the signup with its time and the HubSpot follow-up, emits one event, and a repeat changes nothing", async () => {
    const { id } = await recordSignup(store(), tenant, { email: "pat@example.com", consent: true });
    expect(await findUnsubscribe(database.db, key, unsubscribeToken(key, id))).toMatchObject({
      state: "subscribed",
      email: "pat@example.com",
      tenantName: "Fabrikam",
    });
    const at = new Date("2026-12-07T05:00:00Z");
    expect(await unsubscribeSignup(database.db, { id, tenantId: tenant.id }, "link", { now: at })).toBe("unsubscribed");
    expect(await database.db.signup.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "UNSUBSCRIBED",
      unsubscribedAt: at,
      hubspotUnsubscribePending: true,
    });
    expect(await unsubscribeSignup(database.db, { id }, "link")).toBe("already_unsubscribed");
    expect((await database.db.signup.findUniqueOrThrow({ where: { id } })).unsubscribedAt).toEqual(at);
    const written = await events(id);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ tenantId: tenant.id });
    expect(JSON.parse(written[0]!.payload).data).toEqual({
      signupId: id,
      tenantId: tenant.id,
      email: "pat@example.com",
      hubspotContactId: null,
      reason: "link",
    });
    expect((await findUnsubscribe(database.db, key, unsubscribeToken(key, id))).state).toBe("unsubscribed");
  });

  it("does not reach another tenant's signup, nor one that does not exist", async () => {
    const { id } = await recordSignup(store(), tenant, { email: "quinn@example.com", consent: true });
    const other = (await seedTenant(database.db)).tenant;
    expect(await unsubscribeSignup(database.db, { id, tenantId: other.id }, "api")).toBe("not_found");
    expect(await unsubscribeSignup(database.db, { id: "cnothere00000000000000000" }, "api")).toBe("not_found");
    expect((await database.db.signup.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");
    expect(await events(id)).toHaveLength(0);
  });

  it("leaves HubSpot's follow-up unset for an opt-out that came from HubSpot", async () => {
    const { id } = await recordSignup(store(), tenant, { email: "rae@example.com", consent: true });
    expect(await unsubscribeSignup(database.db, { id }, "hubspot")).toBe("unsubscribed");
    expect(await database.db.signup.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "UNSUBSCRIBED",
      hubspotUnsubscribePending: false,
    });
  });

  it("wins over a sync push in flight: the worker's outcome for the row is dropped", async () => {
    const { id } = await recordSignup(store(), tenant, { email: "sam@example.com", consent: true });
    const claimed = await claimTenantSignups(database.store, { workerId: "w-race", tenantId: tenant.id, limit: 100, leaseMs: 60_000 });
    const signup = claimed.find((row) => row.id === id)!;
    expect(signup).toBeDefined();
    expect(await unsubscribeSignup(database.db, { id }, "link")).toBe("unsubscribed");
    const connection = await database.db.connection.create({
      data: { tenantId: tenant.id, provider: "hubspot", portalId: `race-${provider}` },
    });
    await recordSynced({ store: database.store, workerId: "w-race" }, connection.id, [{ signup, contactId: "901" }], []);
    expect(await database.db.signup.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "UNSUBSCRIBED",
      hubspotUnsubscribePending: true,
    });
    expect(await database.db.webhookEvent.count({ where: { type: "signup.synced", payload: { contains: id } } })).toBe(0);
  });
});
