// /api/v1/connections against a real database and the simulator: list, get, key scoping, and the
// access token handed to the host (fresh, audited without the token, 409 when reconnect is needed).
import { describe, expect, it } from "vitest";
import { markNeedsReconnect } from "@switchboard/lib/integrations/connection-status";
import { createConnectSessionRoute } from "@switchboard/lib/api/v1/connect-session-routes";
import {
  deleteConnection,
  getConnection,
  issueAccessToken,
  listConnectionEvents,
  listConnections,
} from "@switchboard/lib/api/v1/connection-routes";
import { connectPortal } from "@/tests/helpers/connect-portal";
import { whoami } from "@switchboard/lib/api/v1/whoami-route";
import type { ApiWorld } from "../support/api-world";

export function connectionsSuite(world: () => ApiWorld) {
  describe("connections", () => {
    it("lists the tenant's connection with its health and never a token", async () => {
      const w = world();
      const response = await w.call(listConnections, { key: await w.tenantKey(["connections:read"]) });
      expect(response.status).toBe(200);
      expect(response.headers.get("ratelimit")).toMatch(/r=\d+;t=\d+/);
      const text = await response.text();
      expect(text).not.toMatch(/ciphertext|refresh/i);
      const body = JSON.parse(text) as {
        items: Array<{ id: string; portalId: string; status: string; scopes: string[] }>;
        nextCursor: null;
      };
      expect(body.items).toHaveLength(1);
      expect(body.items[0]).toMatchObject({ id: w.connectionId, portalId: "62515", status: "connected" });
      expect(body.items[0]?.scopes).toContain("crm.objects.contacts.write");
    });

    it("shows another tenant's key nothing: an empty list, and 404 for the connection itself", async () => {
      const w = world();
      const key = await w.otherTenantKey();
      const list = (await (await w.call(listConnections, { key })).json()) as { items: unknown[] };
      expect(list.items).toEqual([]);
      const one = await w.call(getConnection, { key, params: { connectionId: w.connectionId } });
      expect(one.status).toBe(404);
      expect(one.headers.get("content-type")).toBe("application/problem+json");
      expect(await w.call(listConnections, { key, query: { tenantId: w.tenant.id } })).toHaveProperty("status", 404);
      const token = await w.call(issueAccessToken, { key, params: { connectionId: w.connectionId } });
      expect(token.status).toBe(404);
    });

    it("lets an operator key see every tenant's connections, or one tenant's", async () => {
      const w = world();
      const key = await w.operatorKey(["connections:read"]);
      const filtered = (await (await w.call(listConnections, { key, query: { tenantId: w.otherTenant.id } })).json()) as {
        items: unknown[];
      };
      expect(filtered.items).toEqual([]);
      const one = await w.call(getConnection, { key, params: { connectionId: w.connectionId } });
      expect(one.status).toBe(200);
    });

    it("answers 401 without a key and 403 without the scope", async () => {
      const w = world();
      const anonymous = await w.call(listConnections, {});
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(((await anonymous.json()) as { code: string }).code).toBe("unauthenticated");
      const narrow = await w.call(issueAccessToken, {
        key: await w.tenantKey(["connections:read"]),
        params: { connectionId: w.connectionId },
      });
      expect(narrow.status).toBe(403);
      expect(((await narrow.json()) as { detail: string }).detail).toContain("connections:token");
      expect((await w.call(whoami, { key: await w.tenantKey(["signups:read"]) })).status).toBe(200);
    });

    it("hands out a usable access token with its expiry, audited without the token", async () => {
      const w = world();
      const issued = { where: { tenantId: w.tenant.id, action: "access_token_issued" } };
      const issuedBefore = await w.database.db.auditEvent.count(issued);
      const response = await w.call(issueAccessToken, {
        key: await w.tenantKey(["connections:token"]),
        params: { connectionId: w.connectionId },
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { accessToken: string; expiresAt: string; portalId: string };
      expect(body.portalId).toBe("62515");
      // The expiry of the token handed out: the one stored with it.
      const row = await w.database.db.connection.findUniqueOrThrow({ where: { id: w.connectionId } });
      expect(body.expiresAt).toBe(row.accessTokenExpiresAt?.toISOString());
      const hubspot = await fetch(`${w.sim.url}/crm/v3/objects/contacts?limit=1`, {
        headers: { authorization: `Bearer ${body.accessToken}` },
      });
      expect(hubspot.status).toBe(200);
      const audit = await w.database.db.auditEvent.findMany(issued);
      expect(audit).toHaveLength(issuedBefore + 1);
      expect(JSON.stringify(audit)).not.toContain(body.accessToken);
    });

    it("answers 409 with a reason the host can show when the connection needs reconnecting", async () => {
      const w = world();
      const { db } = w.database;
      await db.connection.update({
        where: { id: w.connectionId },
        data: { status: "NEEDS_RECONNECT", statusReason: "revoked in HubSpot" },
      });
      try {
        const response = await w.call(issueAccessToken, { key: await w.tenantKey(), params: { connectionId: w.connectionId } });
        expect(response.status).toBe(409);
        const problem = (await response.json()) as { code: string; reason: string; detail: string };
        expect(problem.code).toBe("conflict");
        expect(problem.reason).toMatch(/reconnect/i);
      } finally {
        await db.connection.update({ where: { id: w.connectionId }, data: { status: "CONNECTED", statusReason: null } });
      }
    });

    it("never hands out a token without its audit entry: 503 problem with Retry-After when the entry cannot be written", async () => {
      const w = world();
      const { db } = w.database;
      // The database refuses audit rows, as a full disk or a lock held past the wait limit would.
      const refuse =
        w.provider === "postgresql"
          ? [
              `CREATE FUNCTION refuse_audit() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit refused'; END $$ LANGUAGE plpgsql`,
              `CREATE TRIGGER refuse_audit BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION refuse_audit()`,
            ]
          : [`CREATE TRIGGER refuse_audit BEFORE INSERT ON "AuditEvent" BEGIN SELECT RAISE(ABORT, 'audit refused'); END`];
      const allow =
        w.provider === "postgresql"
          ? [`DROP TRIGGER refuse_audit ON "AuditEvent"`, `DROP FUNCTION refuse_audit()`]
          : [`DROP TRIGGER refuse_audit`];
      for (const statement of refuse) await db.$executeRawUnsafe(statement);
      try {
        const response = await w.call(issueAccessToken, {
          key: await w.tenantKey(["connections:token"]),
          params: { connectionId: w.connectionId },
        });
        expect(response.status).toBe(503);
        expect(response.headers.get("content-type")).toBe("application/problem+json");
        expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
        const text = await response.text();
        expect(text).not.toMatch(/accessToken|bearer/i);
        expect(JSON.parse(text)).toMatchObject({ status: 503, code: "unavailable" });
      } finally {
        for (const statement of allow) await db.$executeRawUnsafe(statement);
      }
      // Once audit rows can be written again, the token is handed out (and audited) as usual.
      expect(
        (await w.call(issueAccessToken, { key: await w.tenantKey(["connections:token"]), params: { connectionId: w.connectionId } }))
          .status,
      ).toBe(200);
    });

    it("pages the connection's health timeline, newest first, and shows another tenant nothing", async () => {
      const w = world();
      const { db } = w.database;
      await markNeedsReconnect(db, w.connectionId, "uninstalled or revoked in HubSpot");
      try {
        const key = await w.tenantKey(["connections:read"]);
        const first = await w.call(listConnectionEvents, { key, params: { connectionId: w.connectionId }, query: { limit: "1" } });
        expect(first.status).toBe(200);
        const page = (await first.json()) as { items: Array<{ type: string; reason: string | null }>; nextCursor: string };
        expect(page.items).toEqual([expect.objectContaining({ type: "needs_reconnect", reason: "uninstalled or revoked in HubSpot" })]);
        const second = (await (
          await w.call(listConnectionEvents, {
            key,
            params: { connectionId: w.connectionId },
            query: { limit: "1", cursor: page.nextCursor },
          })
        ).json()) as { items: Array<{ type: string }> };
        expect(second.items.map((item) => item.type)).toEqual(["connected"]);
        const stranger = await w.call(listConnectionEvents, { key: await w.otherTenantKey(), params: { connectionId: w.connectionId } });
        expect(stranger.status).toBe(404);
      } finally {
        await db.connection.update({ where: { id: w.connectionId }, data: { status: "CONNECTED", statusReason: null } });
        await db.connectionEvent.deleteMany({ where: { connectionId: w.connectionId, type: "needs_reconnect" } });
      }
    });

    it("creates connect sessions only for allowed return origins and the tenant's own connections (problem+json otherwise)", async () => {
      const w = world();
      const { db } = w.database;
      await db.tenant.update({ where: { id: w.tenant.id }, data: { allowedOrigins: "https://host.example" } });
      const key = await w.tenantKey(["connections:write"]);
      const created = await w.call(createConnectSessionRoute, {
        key,
        body: { returnUrl: "https://host.example/crm", connectionId: w.connectionId, endUserRef: "u-1" },
      });
      expect(created.status).toBe(201);
      const session = (await created.json()) as { id: string; url: string; expiresAt: string };
      expect(session.url).toMatch(/\/connect\/[A-Za-z0-9_-]{43}$/);
      const before = await db.connectSession.count();
      const outside = await w.call(createConnectSessionRoute, { key, body: { returnUrl: "https://evil.example/crm" } });
      expect(outside.status).toBe(422);
      expect(outside.headers.get("content-type")).toBe("application/problem+json");
      const foreign = await w.call(createConnectSessionRoute, {
        key: await w.otherTenantKey(["connections:write"]),
        body: { returnUrl: "https://host.example/crm", connectionId: w.connectionId },
      });
      expect(foreign.status).toBe(404);
      const operator = await w.call(createConnectSessionRoute, {
        key: await w.operatorKey(["connections:write"]),
        body: { returnUrl: "https://host.example/crm" },
      });
      expect(operator.status).toBe(422);
      const narrow = await w.call(createConnectSessionRoute, {
        key: await w.tenantKey(["connections:read"]),
        body: { returnUrl: "https://host.example/crm" },
      });
      expect(narrow.status).toBe(403);
      expect(await db.connectSession.count()).toBe(before);
    });

    it("disconnects through DELETE and says whether the app was uninstalled; another tenant's key gets 404", async () => {
      const w = world();
      const owner = await w.database.db.membership.findFirstOrThrow({ where: { tenantId: w.tenant.id }, include: { user: true } });
      // A portal of its own (every scope granted), so disconnecting it is the portal's last installation.
      const added = await fetch(`${w.sim.url}/_sim/portals`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify([70009]),
      });
      expect(added.status).toBe(201);
      const { connectionId } = await connectPortal(
        { db: w.database.db, tenant: w.tenant },
        { actor: { id: owner.userId, label: owner.user.email }, portalId: 70009 },
      );
      const stranger = await w.call(deleteConnection, { key: await w.otherTenantKey(["connections:write"]), params: { connectionId } });
      expect(stranger.status).toBe(404);
      const response = await w.call(deleteConnection, { key: await w.tenantKey(["connections:write"]), params: { connectionId } });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { revoked: boolean; uninstalled: boolean; portalId: string };
      expect(body).toMatchObject({ portalId: "70009", revoked: true, uninstalled: true });
      expect(await w.database.db.connection.count({ where: { id: connectionId } })).toBe(0);
    });
  });
}
