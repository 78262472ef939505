// Disconnect that uninstalls, on both databases against the simulator: with two tenants on one
// portal, the first to disconnect only revokes its own grant (the other keeps working); the last
// one revokes and then uninstalls the app from the portal. The flow's answer and the
// connection.disconnected webhook event say which happened.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { disconnectConnection } from "@switchboard/lib/integrations/flows/disconnect-connection";
import { getValidAccessToken } from "@switchboard/lib/integrations/tokens/access-token";
import { connectPortal } from "@/tests/helpers/connect-portal";
import { testProviders } from "@/tests/helpers/databases";
import { startConnectionsFixture, type ConnectionsFixture } from "./support/connections-fixture";
import { expireSoon } from "./support/expire-soon";
import { simControl, simRequests } from "./support/simulator-driver";
import { subscribeToEvents } from "@/tests/helpers/outbox-subscriber";

const UNINSTALL = "/appinstalls/2026-03/external-install";

describe.each(testProviders)("disconnect on %s", (provider) => {
  let fx: ConnectionsFixture;
  beforeAll(async () => {
    fx = await startConnectionsFixture(provider);
  });
  afterAll(async () => fx?.close());
  beforeEach(async () => {
    await fx.reset();
    await fx.db.webhookEvent.deleteMany({});
    await subscribeToEvents(fx.db);
  });

  const disconnectedEvent = async (tenantId: string) => {
    const event = await fx.db.webhookEvent.findFirstOrThrow({ where: { tenantId, type: "connection.disconnected" } });
    return JSON.parse(event.payload).data as { uninstalled: boolean; portalId: string };
  };

  it("revokes only while another tenant uses the portal, and uninstalls when the last one leaves", async () => {
    const acme = await connectPortal(fx, { actor: fx.admin });
    const globex = await connectPortal({ db: fx.db, tenant: fx.otherTenant, services: fx.services }, { actor: fx.outsider });
    await simControl(fx.sim.url, "DELETE", "/_sim/requests");

    const first = await disconnectConnection(fx.db, fx.admin, fx.tenant, { connectionId: acme.connectionId }, fx.services);
    expect(first).toMatchObject({ ok: true, revoked: true, uninstalled: false });
    expect((await simRequests(fx.sim.url)).filter((request) => request.path === UNINSTALL)).toEqual([]);
    expect(await disconnectedEvent(fx.tenant.id)).toMatchObject({ uninstalled: false, portalId: "62515" });
    // The other tenant's grant still works, through a refresh.
    await expireSoon(fx.db, globex.connectionId, 10);
    expect(await getValidAccessToken(fx.db, globex.connectionId, fx.services)).toMatch(/^CN/);

    const last = await disconnectConnection(fx.db, fx.outsider, fx.otherTenant, { connectionId: globex.connectionId }, fx.services);
    expect(last).toMatchObject({ ok: true, revoked: true, uninstalled: true });
    const uninstalls = (await simRequests(fx.sim.url)).filter((request) => request.path === UNINSTALL);
    expect(uninstalls).toEqual([expect.objectContaining({ method: "DELETE", status: 204 })]);
    expect(await disconnectedEvent(fx.otherTenant.id)).toMatchObject({ uninstalled: true });
    expect(await fx.db.connection.count()).toBe(0);
  });

  it("says the app stayed installed when the uninstall fails, and still disconnects", async () => {
    const acme = await connectPortal(fx, { actor: fx.admin });
    await simControl(fx.sim.url, "POST", "/_sim/faults", { status: 503, count: 1, pathPrefix: UNINSTALL });
    const result = await disconnectConnection(fx.db, fx.admin, fx.tenant, { connectionId: acme.connectionId }, fx.services);
    expect(result).toMatchObject({ ok: true, revoked: true, uninstalled: false });
    expect(result.message).toMatch(/could not be uninstalled/);
    expect(await fx.db.connection.count()).toBe(0);
  });
});
