// Health that tells the truth without flapping, on both databases with the simulator's faults: a
// failure that clears on the next try sends nothing; a persisting one sends one connection.degraded
// and, when it heals, one connection.recovered; invalid_grant marks Needs reconnect once, with the
// reason the tenant can act on; a 403 that is not about scopes is not a token problem. Each change
// is on the connection's timeline.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { recordProviderFailure } from "@switchboard/lib/integrations/connection-status";
import { NeedsReconnectError, ProviderUnavailableError } from "@switchboard/lib/integrations/errors";
import { classifyReply } from "@switchboard/lib/integrations/hubspot/failures";
import { getValidAccessToken } from "@switchboard/lib/integrations/tokens/access-token";
import { connectPortal } from "@/tests/helpers/connect-portal";
import { testProviders } from "@/tests/helpers/databases";
import { startConnectionsFixture, type ConnectionsFixture } from "./support/connections-fixture";
import { expireSoon } from "./support/expire-soon";
import { countTokenRequests, simControl, simRequests } from "./support/simulator-driver";
import { subscribeToEvents } from "@/tests/helpers/outbox-subscriber";

describe.each(testProviders)("connection health on %s", (provider) => {
  let fx: ConnectionsFixture;
  let connectionId: string;
  beforeAll(async () => {
    fx = await startConnectionsFixture(provider);
  });
  afterAll(async () => fx?.close());
  beforeEach(async () => {
    await fx.reset();
    await fx.db.webhookEvent.deleteMany({});
    await fx.db.connectionEvent.deleteMany({});
    await subscribeToEvents(fx.db);
    ({ connectionId } = await connectPortal(fx, { actor: fx.admin }));
  });

  const eventTypes = async () =>
    (await fx.db.webhookEvent.findMany({ where: { tenantId: fx.tenant.id }, orderBy: { createdAt: "asc" } })).map((event) => event.type);
  const timeline = async () =>
    (await fx.db.connectionEvent.findMany({ where: { connectionId }, orderBy: { createdAt: "asc" } })).map((entry) => entry.type);
  const failRefreshes = async (times: number) => {
    // Each refresh tries three times before it counts as one failure.
    await simControl(fx.sim.url, "POST", "/_sim/faults", { status: 503, count: 3 * times, pathPrefix: "/oauth/2026-03/token" });
    for (let round = 0; round < times; round++) {
      await expireSoon(fx.db, connectionId, 10);
      await expect(getValidAccessToken(fx.db, connectionId, fx.services)).rejects.toBeInstanceOf(ProviderUnavailableError);
    }
  };

  it("a failure that clears on the next try sends nothing", async () => {
    await simControl(fx.sim.url, "POST", "/_sim/faults", { status: 503, count: 1, pathPrefix: "/oauth/2026-03/token" });
    await expireSoon(fx.db, connectionId, 10);
    expect(await getValidAccessToken(fx.db, connectionId, fx.services)).toMatch(/^CN/);
    // A whole failed refresh, then a working one: still nothing to report.
    await failRefreshes(1);
    await expireSoon(fx.db, connectionId, 10);
    expect(await getValidAccessToken(fx.db, connectionId, fx.services)).toMatch(/^CN/);
    expect(await fx.db.connection.findUniqueOrThrow({ where: { id: connectionId } })).toMatchObject({
      status: "CONNECTED",
      consecutiveFailures: 0,
    });
    expect(await eventTypes()).toEqual(["connection.created"]);
    expect(await timeline()).toEqual(["connected"]);
  });

  it("a persisting failure sends one degraded, and one recovered when it heals", async () => {
    await failRefreshes(5);
    expect((await fx.db.connection.findUniqueOrThrow({ where: { id: connectionId } })).status).toBe("DEGRADED");
    await expireSoon(fx.db, connectionId, 10);
    expect(await getValidAccessToken(fx.db, connectionId, fx.services)).toMatch(/^CN/);
    await expireSoon(fx.db, connectionId, 10);
    expect(await getValidAccessToken(fx.db, connectionId, fx.services)).toMatch(/^CN/);
    expect(await eventTypes()).toEqual(["connection.created", "connection.degraded", "connection.recovered"]);
    expect(await timeline()).toEqual(["connected", "degraded", "recovered"]);
  });

  it("failures that last past the time threshold count as persisting, however few", async () => {
    const policy = { degradedAfterFailures: 100, degradedAfterMs: 10 * 60_000 };
    const start = new Date();
    await recordProviderFailure(fx.db, connectionId, "HubSpot answered 503", policy, start);
    await recordProviderFailure(fx.db, connectionId, "HubSpot answered 503", policy, new Date(start.getTime() + 9 * 60_000));
    expect(await eventTypes()).toEqual(["connection.created"]);
    await recordProviderFailure(fx.db, connectionId, "HubSpot answered 503", policy, new Date(start.getTime() + 10 * 60_000));
    expect(await eventTypes()).toEqual(["connection.created", "connection.degraded"]);
  });

  it("invalid_grant marks Needs reconnect once, as uninstalled or revoked in HubSpot", async () => {
    await simControl(fx.sim.url, "POST", "/_sim/portals/62515/revoke-all");
    await simControl(fx.sim.url, "DELETE", "/_sim/requests");
    await expireSoon(fx.db, connectionId, 10);
    await expect(getValidAccessToken(fx.db, connectionId, fx.services)).rejects.toBeInstanceOf(NeedsReconnectError);
    await expect(getValidAccessToken(fx.db, connectionId, fx.services)).rejects.toBeInstanceOf(NeedsReconnectError);
    expect(countTokenRequests(await simRequests(fx.sim.url))).toBe(1);
    const row = await fx.db.connection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(row).toMatchObject({ status: "NEEDS_RECONNECT", statusReason: "uninstalled or revoked in HubSpot" });
    expect(await eventTypes()).toEqual(["connection.created", "connection.needs_reconnect"]);
    const [, needsReconnect] = await fx.db.webhookEvent.findMany({ where: { tenantId: fx.tenant.id }, orderBy: { createdAt: "asc" } });
    expect(JSON.parse(needsReconnect?.payload ?? "{}").data).toMatchObject({
      status: "needs_reconnect",
      reason: "uninstalled or revoked in HubSpot",
    });
    expect(await timeline()).toEqual(["connected", "needs_reconnect"]);
  });
});

describe("a 403 that is not about scopes", () => {
  const reply = (category: string) => ({
    status: 403,
    body: { status: "error", category, message: "no" },
    headers: new Headers(),
    rateLimit: null,
  });
  it("is retried later like an outage, never treated as a refused token", () => {
    expect(classifyReply(reply("FORBIDDEN"), "contact upsert").kind).toBe("transient");
    expect(classifyReply(reply("MISSING_SCOPES"), "contact upsert").kind).toBe("missing-scope");
  });
});
