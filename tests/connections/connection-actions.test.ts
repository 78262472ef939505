// Test connection, Send test contact, Disconnect and newsletter destination, against the simulator.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testConnection } from "@switchboard/lib/integrations/flows/test-connection";
import { sendTestContact, testContactEmail } from "@switchboard/lib/integrations/flows/send-test-contact";
import { disconnectConnection } from "@switchboard/lib/integrations/flows/disconnect-connection";
import {
  chooseNewsletterDestination,
  resolveNewsletterConnectionId,
} from "@switchboard/lib/integrations/flows/choose-newsletter-destination";
import { startConnectionsFixture, type ConnectionsFixture } from "./support/connections-fixture";
import { connectionFor, connectPortal } from "@/tests/helpers/connect-portal";
import { expireSoon } from "./support/expire-soon";
import { openToken } from "@switchboard/lib/integrations/tokens/stored-tokens";
import { InvalidGrantError } from "@switchboard/lib/integrations/errors";
import { simControl, simRequests } from "./support/simulator-driver";

let fx: ConnectionsFixture;
let connectionId: string;
beforeAll(async () => {
  fx = await startConnectionsFixture("sqlite");
});
afterAll(async () => fx?.close());
beforeEach(async () => {
  await fx.reset();
  ({ connectionId } = await connectPortal(fx, { actor: fx.admin }));
});

describe("test connection", () => {
  it("refreshes if needed, introspects, calls the CRM and records result and latency", async () => {
    await expireSoon(fx.db, connectionId, 30);
    const started = performance.now();
    const result = await testConnection(fx.db, fx.admin, fx.tenant, { connectionId }, fx.services);
    const took = performance.now() - started;
    expect(result).toMatchObject({ ok: true, missingRequired: [], missingOptional: [] });
    const row = await connectionFor(fx, 62515);
    expect(row).toMatchObject({ lastTestOk: true, status: "CONNECTED" });
    // The recorded latency is part of the call that recorded it.
    expect(row.lastTestLatencyMs).toBeGreaterThanOrEqual(0);
    expect(row.lastTestLatencyMs).toBeLessThanOrEqual(Math.ceil(took));
    expect(row.lastTestMessage).toContain("Connection works");
    const paths = (await simRequests(fx.sim.url)).map((r) => `${r.method} ${r.path}`);
    expect(paths).toEqual(expect.arrayContaining(["POST /oauth/2026-03/token/introspect", "GET /crm/objects/2026-03/contacts"]));
    const audit = await fx.db.auditEvent.findMany({ where: { connectionId, action: "test" } });
    expect(audit.map((e) => e.outcome)).toEqual(["success"]);
  });

  it("names missing optional scopes on a read-restricted portal", async () => {
    await connectPortal(fx, { actor: fx.admin, portalId: 70001 });
    const other = await connectionFor(fx, 70001);
    const result = await testConnection(fx.db, fx.admin, fx.tenant, { connectionId: other.id }, fx.services);
    expect(result).toMatchObject({ ok: true, missingOptional: ["crm.objects.contacts.read"] });
    expect(result.message).toContain("crm.objects.contacts.read");
  });

  it("fails and asks for reconnection when the portal revoked the app", async () => {
    await simControl(fx.sim.url, "POST", "/_sim/portals/62515/revoke-all");
    const result = await testConnection(fx.db, fx.admin, fx.tenant, { connectionId }, fx.services);
    expect(result.ok).toBe(false);
    const row = await connectionFor(fx, 62515);
    expect(row).toMatchObject({ lastTestOk: false, status: "NEEDS_RECONNECT" });
  });

  it("takes a fresh token and tries again when HubSpot refuses one before its recorded expiry", async () => {
    await simControl(fx.sim.url, "POST", "/_sim/tokens/expire-all", { portalId: 62515 });
    const result = await testConnection(fx.db, fx.admin, fx.tenant, { connectionId }, fx.services);
    expect(result).toMatchObject({ ok: true });
    expect(await connectionFor(fx, 62515)).toMatchObject({ lastTestOk: true, status: "CONNECTED" });
    expect((await simRequests(fx.sim.url)).filter((request) => request.grantType === "refresh_token")).toHaveLength(1);
  });

  it("cannot touch another tenant's connection", async () => {
    const result = await testConnection(fx.db, fx.outsider, fx.otherTenant, { connectionId }, fx.services);
    expect(result).toEqual({ ok: false, message: expect.stringContaining("no longer exists") });
  });
});

describe("send test contact", () => {
  it("upserts the test contact and returns an id that exists in HubSpot; repeating updates it", async () => {
    const first = await sendTestContact(fx.db, fx.admin, fx.tenant, { connectionId }, fx.services);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const contacts = (await simControl(fx.sim.url, "GET", "/_sim/portals/62515/contacts")) as {
      results: Array<{ id: string; properties: Record<string, string> }>;
    };
    const found = contacts.results.find((c) => c.id === first.contactId);
    expect(found?.properties.email).toBe(testContactEmail(fx.tenant.slug));
    const again = await sendTestContact(fx.db, fx.admin, fx.tenant, { connectionId }, fx.services);
    expect(again).toMatchObject({ ok: true, contactId: first.contactId });
    expect(again.message).toContain("updated");
  });

  it("takes a fresh token and tries again when HubSpot refuses one before its recorded expiry", async () => {
    await simControl(fx.sim.url, "POST", "/_sim/tokens/expire-all", { portalId: 62515 });
    const result = await sendTestContact(fx.db, fx.admin, fx.tenant, { connectionId }, fx.services);
    expect(result.ok).toBe(true);
    expect((await connectionFor(fx, 62515)).status).toBe("CONNECTED");
    expect((await simRequests(fx.sim.url)).filter((request) => request.grantType === "refresh_token")).toHaveLength(1);
  });
});

describe("disconnect", () => {
  it("revokes at HubSpot, deletes the row and its tokens, and keeps the history under the portal's name", async () => {
    const before = await connectionFor(fx, 62515);
    const refreshToken = openToken(fx.keyRing, before, "refreshToken", before.refreshTokenCiphertext ?? "");
    await simControl(fx.sim.url, "DELETE", "/_sim/requests");
    const result = await disconnectConnection(fx.db, fx.admin, fx.tenant, { connectionId }, fx.services);
    expect(result).toMatchObject({ ok: true, revoked: true });
    const paths = (await simRequests(fx.sim.url)).map((r) => `${r.method} ${r.path} ${r.status}`);
    expect(paths).toContain("POST /oauth/2026-03/token/revoke 204");
    expect(await fx.db.connection.count({ where: { id: connectionId } })).toBe(0);
    const history = await fx.db.auditEvent.findMany({ where: { subject: "hubspot:62515" }, orderBy: { createdAt: "asc" } });
    expect(history.map((e) => e.action)).toEqual(["connect", "disconnect"]);
    // The grant really is gone at HubSpot: its refresh token no longer works.
    await expect(fx.services.provider("hubspot").refresh(refreshToken)).rejects.toBeInstanceOf(InvalidGrantError);
  });

  it("still disconnects locally when HubSpot can confirm neither the uninstall nor the revocation, and says so", async () => {
    await simControl(fx.sim.url, "POST", "/_sim/faults", { status: 503, count: 1, pathPrefix: "/appinstalls/2026-03/external-install" });
    await simControl(fx.sim.url, "POST", "/_sim/faults", { status: 503, count: 1, pathPrefix: "/oauth/2026-03/token/revoke" });
    const result = await disconnectConnection(fx.db, fx.admin, fx.tenant, { connectionId }, fx.services);
    expect(result).toMatchObject({ ok: true, revoked: false });
    expect(result.message).toContain("could not confirm");
    expect(await fx.db.connection.count({ where: { id: connectionId } })).toBe(0);
    const event = await fx.db.auditEvent.findFirstOrThrow({ where: { action: "disconnect" } });
    expect(event.outcome).toBe("warning");
  });
});

describe("newsletter destination", () => {
  it("defaults to the first connection and follows the admin's choice", async () => {
    await connectPortal(fx, { actor: fx.admin, portalId: 70001 });
    const second = await connectionFor(fx, 70001);
    expect(await resolveNewsletterConnectionId(fx.db, fx.tenant.id)).toBe(connectionId);
    const result = await chooseNewsletterDestination(fx.db, fx.admin, fx.tenant, { connectionId: second.id });
    expect(result.ok).toBe(true);
    expect(await resolveNewsletterConnectionId(fx.db, fx.tenant.id)).toBe(second.id);
    await disconnectConnection(fx.db, fx.admin, fx.tenant, { connectionId: second.id }, fx.services);
    expect(await resolveNewsletterConnectionId(fx.db, fx.tenant.id)).toBe(connectionId);
  });
});
