// /api/v1/tenants for operator keys: create, list, get, update, delete; tenant keys cannot reach it.
import { describe, expect, it } from "vitest";
import {
  createTenant,
  deleteTenant,
  getTenant,
  inviteTenantMember,
  listTenants,
  updateTenant,
} from "@switchboard/lib/api/v1/tenant-routes";
import { MAX_INVITATIONS_PER_ADDRESS } from "@switchboard/lib/people/invitations/invitation-rate-limit";
import type { ApiWorld } from "../support/api-world";

type TenantBody = { id: string; slug: string; name: string; allowedOrigins: string[] };

export function tenantsSuite(world: () => ApiWorld) {
  describe("tenants", () => {
    it("creates, reads, updates and deletes a tenant with an operator key", async () => {
      const w = world();
      const key = await w.operatorKey(["tenants:admin"]);
      const slug = `api-${w.provider}-${Date.now()}`;
      const created = await w.call(createTenant, { key, body: { name: "Initech", slug } });
      expect(created.status).toBe(201);
      const tenant = (await created.json()) as TenantBody;
      expect((await w.call(createTenant, { key, body: { name: "Again", slug } })).status).toBe(409);
      expect(((await (await w.call(getTenant, { key, params: { tenantId: tenant.id } })).json()) as TenantBody).slug).toBe(slug);
      const updated = await w.call(updateTenant, {
        key,
        params: { tenantId: tenant.id },
        body: { name: "Initech Ltd", allowedOrigins: ["https://initech.example"] },
      });
      expect(updated.status).toBe(200);
      expect((await updated.json()) as TenantBody).toMatchObject({ name: "Initech Ltd", allowedOrigins: ["https://initech.example"] });
      const badOrigin = await w.call(updateTenant, { key, params: { tenantId: tenant.id }, body: { allowedOrigins: ["not an origin"] } });
      expect(badOrigin.status).toBe(422);
      const list = (await (await w.call(listTenants, { key, query: { limit: "100" } })).json()) as { items: TenantBody[] };
      expect(list.items.map((item) => item.id)).toContain(tenant.id);
      expect((await w.call(deleteTenant, { key, params: { tenantId: tenant.id } })).status).toBe(204);
      expect((await w.call(getTenant, { key, params: { tenantId: tenant.id } })).status).toBe(404);
    });

    it("invites a person by email with a role, mails the link and never answers with it", async () => {
      const w = world();
      const key = await w.operatorKey(["tenants:admin"]);
      const email = `Invitee-${w.provider}-${Date.now()}@Example.com`;
      const invited = await w.call(inviteTenantMember, { key, params: { tenantId: w.tenant.id }, body: { email, role: "ADMIN" } });
      expect(invited.status).toBe(201);
      const text = await invited.text();
      expect(text).not.toContain("/invite/");
      expect(JSON.parse(text)).toMatchObject({ email: email.toLowerCase(), role: "ADMIN" });
      const rows = await w.database.db.invitation.findMany({ where: { tenantId: w.tenant.id, email: email.toLowerCase() } });
      expect(rows.map((row) => [row.role, row.acceptedAt, row.revokedAt])).toEqual([["ADMIN", null, null]]);
      expect(rows[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/);

      const badRole = await w.call(inviteTenantMember, { key, params: { tenantId: w.tenant.id }, body: { email, role: "KING" } });
      expect(badRole.status).toBe(422);
      expect(
        (await w.call(inviteTenantMember, { key, params: { tenantId: "no-such-tenant" }, body: { email, role: "MEMBER" } })).status,
      ).toBe(404);
      expect(
        (await w.call(inviteTenantMember, { key: await w.tenantKey(), params: { tenantId: w.tenant.id }, body: { email, role: "MEMBER" } }))
          .status,
      ).toBe(403);
    });

    it("limits invitations per address with a 429 problem that says when to come back", async () => {
      const w = world();
      const key = await w.operatorKey(["tenants:admin"]);
      const email = `flooded-${w.provider}-${Date.now()}@example.com`;
      for (let i = 0; i < MAX_INVITATIONS_PER_ADDRESS; i++) {
        expect((await w.call(inviteTenantMember, { key, params: { tenantId: w.tenant.id }, body: { email, role: "MEMBER" } })).status).toBe(
          201,
        );
      }
      const limited = await w.call(inviteTenantMember, { key, params: { tenantId: w.tenant.id }, body: { email, role: "MEMBER" } });
      expect(limited.status).toBe(429);
      expect(limited.headers.get("content-type")).toBe("application/problem+json");
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(3500);
      expect(await limited.json()).toMatchObject({ code: "rate_limited", detail: expect.stringContaining("invited too often") });
      expect(await w.database.db.invitation.count({ where: { email } })).toBe(MAX_INVITATIONS_PER_ADDRESS);
    });

    it("refuses tenant keys (403) and bad slugs (422)", async () => {
      const w = world();
      expect((await w.call(listTenants, { key: await w.tenantKey() })).status).toBe(403);
      const bad = await w.call(createTenant, { key: await w.operatorKey(), body: { name: "X", slug: "Not A Slug" } });
      expect(bad.status).toBe(422);
      expect(((await bad.json()) as { errors: Record<string, string[]> }).errors.slug).toBeDefined();
    });
  });
}
