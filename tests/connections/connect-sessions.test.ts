// Connect sessions end to end below the browser, on both databases against the simulator: creating
// one (allowed origins only, the tenant's own connection only, token stored hashed), the hosted
// page's reads (unknown, expired, used), one use even with two tabs racing, the OAuth flow bound to
// the session (another session's browser is refused), reconnect in place and the wrong portal.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@switchboard/lib/app-error";
import { createConnectSession } from "@switchboard/lib/integrations/connect-sessions/create-connect-session";
import {
  beginConnectSession,
  finishConnectSession,
  readConnectSession,
} from "@switchboard/lib/integrations/connect-sessions/use-connect-session";
import { connectPortal } from "@/tests/helpers/connect-portal";
import { decideConsent } from "@/tests/helpers/consent-decision";
import { testProviders } from "@/tests/helpers/databases";
import { APP_URL, startConnectionsFixture, type ConnectionsFixture } from "./support/connections-fixture";

const HOST = "https://host.example";

describe.each(testProviders)("connect sessions on %s", (provider) => {
  let fx: ConnectionsFixture;
  beforeAll(async () => {
    fx = await startConnectionsFixture(provider);
    await fx.db.tenant.update({ where: { id: fx.tenant.id }, data: { allowedOrigins: `${HOST}\nhttps://other.example` } });
  });
  afterAll(async () => fx?.close());
  beforeEach(async () => {
    await fx.reset();
    await fx.db.connectSession.deleteMany({});
  });

  const tokenOf = (url: string) => new URL(url).pathname.split("/").pop() ?? "";
  const newSession = async (extra: { connectionId?: string; endUserRef?: string } = {}) => {
    const created = await createConnectSession(fx.db, APP_URL, {
      tenantId: fx.tenant.id,
      returnUrl: `${HOST}/settings?tab=crm`,
      createdByLabel: "API key test",
      ...extra,
    });
    return { ...created, token: tokenOf(created.url) };
  };
  /** The person presses Connect, answers HubSpot, and HubSpot sends this browser back to the callback. */
  const runFlow = async (token: string, portalId = 62515, decision: "grant" | "cancel" = "grant", browserToken = token) => {
    const begun = await beginConnectSession(fx.db, token, "redirect", fx.services, "hubspot");
    if (!begun.ok) throw new Error(`could not begin: ${begun.problem}`);
    const answer = await decideConsent(begun.authorizeUrl, decision, portalId);
    return finishConnectSession(fx.db, Object.fromEntries(answer), browserToken, fx.services);
  };

  it("creates a 30-minute single-use link whose token is stored only as its SHA-256", async () => {
    const before = Date.now();
    const session = await newSession();
    expect(session.url).toMatch(new RegExp(`^${APP_URL}/connect/[A-Za-z0-9_-]{43}$`));
    const row = await fx.db.connectSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(session.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(session.token);
    expect(row.expiresAt.getTime() - before).toBeGreaterThanOrEqual(30 * 60_000 - 1_000);
    expect(row.expiresAt.getTime() - before).toBeLessThanOrEqual(30 * 60_000 + 5_000);
  });

  it("refuses a returnUrl outside the allowed origins, and another tenant's connection, creating nothing", async () => {
    const create = (returnUrl: string, connectionId?: string) =>
      createConnectSession(fx.db, APP_URL, {
        tenantId: fx.tenant.id,
        returnUrl,
        createdByLabel: "k",
        ...(connectionId ? { connectionId } : {}),
      });
    for (const url of ["https://evil.example/cb", "javascript:alert(1)", "https://user:pw@host.example/", "not a url"]) {
      await expect(create(url)).rejects.toMatchObject({ code: "invalid_input" });
    }
    const foreign = await connectPortal({ db: fx.db, tenant: fx.otherTenant, services: fx.services }, { actor: fx.outsider });
    await expect(create(`${HOST}/cb`, foreign.connectionId)).rejects.toBeInstanceOf(AppError);
    await expect(create(`${HOST}/cb`, foreign.connectionId)).rejects.toMatchObject({ code: "not_found" });
    expect(await fx.db.connectSession.count()).toBe(0);
  });

  it("gives forged, expired and used links a reason and changes nothing", async () => {
    expect(await readConnectSession(fx.db, "A".repeat(43))).toEqual({ ok: false, problem: "unknown" });
    expect(await readConnectSession(fx.db, "<script>")).toEqual({ ok: false, problem: "unknown" });
    const expired = await newSession();
    await fx.db.connectSession.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect(await readConnectSession(fx.db, expired.token)).toEqual({ ok: false, problem: "expired" });
    expect(await beginConnectSession(fx.db, expired.token, "redirect", fx.services, "hubspot")).toEqual({ ok: false, problem: "expired" });
    const used = await newSession();
    await runFlow(used.token);
    expect(await readConnectSession(fx.db, used.token)).toEqual({ ok: false, problem: "used" });
    expect(await beginConnectSession(fx.db, used.token, "redirect", fx.services, "hubspot")).toEqual({ ok: false, problem: "used" });
    expect(await fx.db.oAuthState.count()).toBe(0);
  });

  it("lets only one of two tabs racing with one link go on to HubSpot", async () => {
    const session = await newSession();
    const results = await Promise.all(
      Array.from({ length: 2 }, () => beginConnectSession(fx.db, session.token, "redirect", fx.services, "hubspot")),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, problem: "used" }]);
    expect(await fx.db.oAuthState.count()).toBe(1);
  });

  it("connects without a Switchboard user, ends at returnUrl's result, and audits the host's end user", async () => {
    const session = await newSession({ endUserRef: "user-42@host.example" });
    const outcome = await runFlow(session.token);
    expect(outcome).toMatchObject({
      kind: "return",
      mode: "redirect",
      returnUrl: `${HOST}/settings?tab=crm`,
      result: { status: "connected" },
    });
    const connection = await fx.db.connection.findFirstOrThrow({ where: { tenantId: fx.tenant.id } });
    expect(outcome.kind === "return" && outcome.result).toEqual({ connection_id: connection.id, status: "connected" });
    expect(connection.connectedByUserId).toBeNull();
    const connect = await fx.db.auditEvent.findFirstOrThrow({ where: { tenantId: fx.tenant.id, action: "connect" } });
    expect(connect.actorLabel).toBe("user-42@host.example (connect link)");
  });

  it("reconnects in place from a session, and refuses another portal leaving everything as it was", async () => {
    const first = await runFlow((await newSession()).token);
    const connectionId = first.kind === "return" && "connection_id" in first.result ? first.result.connection_id : "";
    await fx.db.connection.update({
      where: { id: connectionId },
      data: { status: "NEEDS_RECONNECT", statusReason: "uninstalled or revoked in HubSpot" },
    });
    await fx.db.tenant.update({ where: { id: fx.tenant.id }, data: { newsletterConnectionId: connectionId } });
    const before = await fx.db.connection.findUniqueOrThrow({ where: { id: connectionId } });

    const wrong = await runFlow((await newSession({ connectionId })).token, 70001);
    expect(wrong).toMatchObject({ kind: "return", result: { error: "wrong_portal" } });
    expect(await fx.db.connection.findUniqueOrThrow({ where: { id: connectionId } })).toEqual(before);
    expect(await fx.db.connection.count()).toBe(1);

    const again = await runFlow((await newSession({ connectionId })).token);
    expect(again).toMatchObject({ kind: "return", result: { connection_id: connectionId, status: "reconnected" } });
    const after = await fx.db.connection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(after).toMatchObject({ id: connectionId, status: "CONNECTED", createdAt: before.createdAt });
    expect((await fx.db.tenant.findUniqueOrThrow({ where: { id: fx.tenant.id } })).newsletterConnectionId).toBe(connectionId);
    const timeline = await fx.db.connectionEvent.findMany({ where: { connectionId }, orderBy: { createdAt: "asc" } });
    expect(timeline.map((entry) => entry.type)).toEqual(["connected", "reconnected"]);
  });

  it("refuses a callback carrying a state minted for another session, without using it up", async () => {
    const mine = await newSession();
    const theirs = await newSession();
    const begun = await beginConnectSession(fx.db, mine.token, "popup", fx.services, "hubspot");
    if (!begun.ok) throw new Error("could not begin");
    const answer = Object.fromEntries(await decideConsent(begun.authorizeUrl, "grant", 62515));
    expect(await finishConnectSession(fx.db, answer, theirs.token, fx.services)).toMatchObject({ kind: "refused" });
    expect(await finishConnectSession(fx.db, answer, undefined, fx.services)).toMatchObject({ kind: "refused" });
    expect(await fx.db.connection.count()).toBe(0);
    expect(await finishConnectSession(fx.db, answer, mine.token, fx.services)).toMatchObject({
      kind: "return",
      mode: "popup",
      result: { status: "connected" },
    });
  });

  it("ends with error=access_denied when the person cancels at HubSpot", async () => {
    const outcome = await runFlow((await newSession()).token, 62515, "cancel");
    expect(outcome).toMatchObject({ kind: "return", result: { error: "access_denied" } });
    expect(await fx.db.connection.count()).toBe(0);
  });
});
