// The OAuth connect journey against the real simulator and a real SQLite database.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { completeOAuthCallback } from "@switchboard/lib/integrations/flows/complete-callback";
import { startConnect } from "@switchboard/lib/integrations/flows/start-connect";
import { hashState, OAUTH_STATE_TTL_MS } from "@switchboard/lib/integrations/oauth-state";
import { openToken } from "@switchboard/lib/integrations/tokens/stored-tokens";
import { startConnectionsFixture, type ConnectionsFixture } from "./support/connections-fixture";
import { connectionFor, connectPortal } from "@/tests/helpers/connect-portal";
import { decideConsent } from "@/tests/helpers/consent-decision";
import { simControl, simRequests } from "./support/simulator-driver";
import { subscribeToEvents } from "@/tests/helpers/outbox-subscriber";

let fx: ConnectionsFixture;
beforeAll(async () => {
  fx = await startConnectionsFixture("sqlite");
});
afterAll(async () => fx?.close());
beforeEach(async () => {
  await fx.reset();
});

const start = (connectionId?: string) =>
  startConnect(fx.db, fx.admin, fx.tenant, { provider: "hubspot", ...(connectionId ? { connectionId } : {}) }, fx.services);

describe("connect", () => {
  it("sends the admin to HubSpot's authorize URL with client id, redirect URI, scopes and state", async () => {
    const { authorizeUrl } = await start();
    const url = new URL(authorizeUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${fx.sim.url}/oauth/authorize`);
    expect(url.searchParams.get("client_id")).toBe("switchboard-local");
    expect(url.searchParams.get("redirect_uri")).toBe(fx.config.redirectUri);
    expect(url.searchParams.get("scope")).toBe("oauth crm.objects.contacts.write");
    expect(url.searchParams.get("optional_scope")).toBe("crm.objects.contacts.read");
    expect(authorizeUrl).toContain("scope=oauth%20crm.objects.contacts.write");
    const state = url.searchParams.get("state") ?? "";
    expect(Buffer.from(state, "base64url").length).toBeGreaterThanOrEqual(16);
    const stored = await fx.db.oAuthState.findMany({});
    expect(stored).toHaveLength(1);
    expect(stored[0]?.stateHash).toBe(hashState(state));
    expect(stored[0]?.stateHash).not.toContain(state);
    expect(stored[0]?.userId).toBe(fx.admin.id);
    expect(stored[0]?.tenantId).toBe(fx.tenant.id);
  });

  it("stores a CONNECTED connection keyed by the introspected portal, with ciphertext only", async () => {
    await simControl(fx.sim.url, "PATCH", "/_sim/config", { accessTokenTtlSeconds: 3_600 });
    const connectStarted = Date.now();
    const { outcome } = await connectPortal(fx, { actor: fx.admin });
    const connectEnded = Date.now();
    expect(outcome).toEqual({ kind: "redirect", tenantSlug: fx.tenant.slug, notice: "connected", portal: "62515" });
    const row = await connectionFor(fx, 62515);
    // The token's expiry is HubSpot's expires_in (not the default 1800 s here) from when it answered.
    const expiresAt = row.accessTokenExpiresAt?.getTime() ?? 0;
    expect(expiresAt - connectStarted).toBeGreaterThanOrEqual(3_600_000);
    expect(expiresAt - connectEnded).toBeLessThanOrEqual(3_600_000);
    expect(row).toMatchObject({
      provider: "hubspot",
      status: "CONNECTED",
      accountDomain: "demo-62515.hubspot.test",
      authorizedUserEmail: "admin@demo-62515.hubspot.test",
      connectedByUserId: fx.admin.id,
    });
    expect(row.grantedScopes.split(" ")).toEqual(
      expect.arrayContaining(["oauth", "crm.objects.contacts.write", "crm.objects.contacts.read"]),
    );
    expect(row.accessTokenCiphertext).toMatch(/^v1\.test1\./);
    expect(row.refreshTokenCiphertext).toMatch(/^v1\.test1\./);
    const access = openToken(fx.keyRing, row, "accessToken", row.accessTokenCiphertext ?? "");
    expect(row.accessTokenCiphertext).not.toContain(access);
    // The simulator knows this token: it is a real one, for the right portal.
    const introspected = await fx.services.provider("hubspot").introspect(access);
    expect(introspected.portalId).toBe("62515");
    const events = await fx.db.auditEvent.findMany({ where: { connectionId: row.id } });
    expect(events.map((e) => [e.action, e.outcome])).toContainEqual(["connect", "success"]);
    // Exchanged on the 2026-03 endpoint, identified through 2026-03 introspection.
    const paths = (await simRequests(fx.sim.url)).map((r) => `${r.method} ${r.path}`);
    expect(paths).toContain("POST /oauth/2026-03/token");
    expect(paths).toContain("POST /oauth/2026-03/token/introspect");
    expect(paths.some((p) => p.includes("/oauth/v1/"))).toBe(false);
  });

  it("returns to the integrations page with a readable notice when the admin presses Cancel", async () => {
    const { outcome } = await connectPortal(fx, { actor: fx.admin, decision: "cancel", expect: "any" });
    expect(outcome).toEqual({ kind: "redirect", tenantSlug: fx.tenant.slug, notice: "consent_cancelled" });
    expect(await fx.db.connection.count()).toBe(0);
    const events = await fx.db.auditEvent.findMany({});
    expect(events.map((e) => [e.action, e.outcome])).toEqual([["connect", "warning"]]);
  });

  it("reports a portal lacking a required scope and stores nothing", async () => {
    const { outcome } = await connectPortal(fx, { actor: fx.admin, portalId: 80002, expect: "any" });
    expect(outcome).toMatchObject({ kind: "redirect", notice: "missing_required_scopes" });
    expect(await fx.db.connection.count()).toBe(0);
  });

  it("records missing optional scopes on a read-restricted portal", async () => {
    await connectPortal(fx, { actor: fx.admin, portalId: 70001 });
    const row = await connectionFor(fx, 70001);
    expect(row.status).toBe("CONNECTED");
    expect(row.grantedScopes).not.toContain("crm.objects.contacts.read");
  });
});

describe("state validation", () => {
  async function grantedAnswer() {
    const { authorizeUrl } = await start();
    return Object.fromEntries(await decideConsent(authorizeUrl, "grant"));
  }

  it("rejects a missing state", async () => {
    const answer = await grantedAnswer();
    const outcome = await completeOAuthCallback(fx.db, fx.admin.id, { code: answer.code }, fx.services);
    expect(outcome).toMatchObject({ kind: "error", status: 400 });
    expect(await fx.db.connection.count()).toBe(0);
  });

  it("rejects a forged state", async () => {
    const answer = await grantedAnswer();
    const forged = Buffer.alloc(32, 7).toString("base64url");
    const outcome = await completeOAuthCallback(fx.db, fx.admin.id, { ...answer, state: forged }, fx.services);
    expect(outcome).toMatchObject({ kind: "error", status: 400, title: "This connection link is not valid" });
    expect(await fx.db.connection.count()).toBe(0);
  });

  it("rejects an expired state", async () => {
    const answer = await grantedAnswer();
    await fx.db.oAuthState.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    const outcome = await completeOAuthCallback(fx.db, fx.admin.id, answer, fx.services);
    expect(outcome).toMatchObject({ kind: "error", status: 400, title: "This connection link expired" });
    expect(await fx.db.connection.count()).toBe(0);
    expect(OAUTH_STATE_TTL_MS).toBe(10 * 60_000);
  });

  it("rejects a replayed state (single use), and a reused code is refused by HubSpot", async () => {
    const answer = await grantedAnswer();
    const first = await completeOAuthCallback(fx.db, fx.admin.id, answer, fx.services);
    expect(first).toMatchObject({ kind: "redirect", notice: "connected" });
    const replay = await completeOAuthCallback(fx.db, fx.admin.id, answer, fx.services);
    expect(replay).toMatchObject({ kind: "error", status: 400, title: "This connection link is not valid" });

    // Same code with a fresh, valid state: HubSpot answers invalid_grant; nothing changes locally.
    const before = await connectionFor(fx, 62515);
    const { authorizeUrl } = await start();
    const freshState = new URL(authorizeUrl).searchParams.get("state") ?? "";
    const reuse = await completeOAuthCallback(fx.db, fx.admin.id, { code: answer.code, state: freshState }, fx.services);
    expect(reuse).toMatchObject({ kind: "redirect", notice: "code_rejected" });
    const after = await connectionFor(fx, 62515);
    expect(after.tokenVersion).toBe(before.tokenVersion);
    expect(after.accessTokenCiphertext).toBe(before.accessTokenCiphertext);
  });

  it("rejects another user's state without consuming it", async () => {
    const answer = await grantedAnswer();
    const stolen = await completeOAuthCallback(fx.db, fx.owner.id, answer, fx.services);
    expect(stolen).toMatchObject({ kind: "error", status: 403 });
    expect(await fx.db.connection.count()).toBe(0);
    const rightful = await completeOAuthCallback(fx.db, fx.admin.id, answer, fx.services);
    expect(rightful).toMatchObject({ kind: "redirect", notice: "connected" });
  });

  it("re-checks the role: an admin demoted to member during consent cannot finish", async () => {
    const answer = await grantedAnswer();
    await fx.db.membership.updateMany({ where: { userId: fx.admin.id }, data: { role: "MEMBER" } });
    try {
      const outcome = await completeOAuthCallback(fx.db, fx.admin.id, answer, fx.services);
      expect(outcome).toMatchObject({ kind: "error", status: 403 });
      expect(await fx.db.connection.count()).toBe(0);
    } finally {
      await fx.db.membership.updateMany({ where: { userId: fx.admin.id }, data: { role: "ADMIN" } });
    }
  });
});

describe("reconnect", () => {
  it("same portal: tokens replaced in place, back to CONNECTED, history kept", async () => {
    await connectPortal(fx, { actor: fx.admin });
    const before = await connectionFor(fx, 62515);
    await fx.db.connection.update({ where: { id: before.id }, data: { status: "NEEDS_RECONNECT", statusReason: "revoked" } });
    const { outcome } = await connectPortal(fx, { connectionId: before.id, actor: fx.owner });
    expect(outcome).toMatchObject({ kind: "redirect", notice: "reconnected", portal: "62515" });
    const after = await connectionFor(fx, 62515);
    expect(after.id).toBe(before.id);
    expect(after.status).toBe("CONNECTED");
    expect(after.tokenVersion).toBeGreaterThan(before.tokenVersion);
    expect(after.refreshTokenCiphertext).not.toBe(before.refreshTokenCiphertext);
    expect(after.connectedByUserId).toBe(fx.owner.id);
    const actions = (await fx.db.auditEvent.findMany({ where: { connectionId: before.id }, orderBy: { createdAt: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["connect", "reconnect", "status_change"]));
    expect(await fx.db.connection.count()).toBe(1);
  });

  it("different portal: nothing changes (wrong_portal), and the grant just issued for it is revoked", async () => {
    await subscribeToEvents(fx.db);
    await connectPortal(fx, { actor: fx.admin });
    const first = await connectionFor(fx, 62515);
    const eventsBefore = await fx.db.webhookEvent.count();
    expect(eventsBefore).toBe(1);
    const { outcome } = await connectPortal(fx, { actor: fx.admin, connectionId: first.id, portalId: 70001, expect: "any" });
    expect(outcome).toMatchObject({ kind: "redirect", notice: "wrong_portal", portal: "70001" });
    expect(await fx.db.connection.count()).toBe(1);
    expect(await connectionFor(fx, 62515)).toMatchObject({
      id: first.id,
      tokenVersion: first.tokenVersion,
      refreshTokenCiphertext: first.refreshTokenCiphertext,
    });
    expect(await fx.db.webhookEvent.count()).toBe(eventsBefore);
    const revocations = (await simRequests(fx.sim.url)).filter((request) => request.path === "/oauth/2026-03/token/revoke");
    expect(revocations).toHaveLength(1);
  });

  it("refuses to start a reconnect for another tenant's connection", async () => {
    await connectPortal(fx, { actor: fx.admin });
    const row = await connectionFor(fx, 62515);
    await expect(
      startConnect(fx.db, fx.outsider, fx.otherTenant, { provider: "hubspot", connectionId: row.id }, fx.services),
    ).rejects.toThrow(/no longer exists/);
  });
});
