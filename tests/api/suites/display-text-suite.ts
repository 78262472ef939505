// The one display-text rule at every /api/v1 boundary that takes a name: signups' first names,
// tenant names, webhook endpoint descriptions. Invisible reordering and zero-width characters are
// removed; control characters (CR, LF and TAB included) are refused with a 422 naming the field.
import { describe, expect, it } from "vitest";
import { createSignup } from "@switchboard/lib/api/v1/signup-routes";
import { createTenant, updateTenant } from "@switchboard/lib/api/v1/tenant-routes";
import { createWebhookEndpoint } from "@switchboard/lib/api/v1/webhook-endpoint-routes";
import type { ApiWorld } from "../support/api-world";

const DISGUISED = "\u200bEve\u202Etxt.exe\u2066\ufeff";
type Problem = { code: string; errors?: Record<string, string[]> };

export function displayTextSuite(world: () => ApiWorld) {
  describe("display text", () => {
    it("strips bidi and zero-width characters from a signup's first name and refuses control characters", async () => {
      const w = world();
      const key = await w.tenantKey(["signups:write"]);
      const stored = await w.call(createSignup, {
        key,
        body: { email: `bidi-${w.provider}@example.com`, firstName: DISGUISED, consent: true },
      });
      expect(stored.status).toBe(202);
      expect(((await stored.json()) as { firstName: string }).firstName).toBe("Evetxt.exe");
      for (const firstName of ["Eve\r\nBcc: x@evil.test", "Eve\tTab", "Eve\u0085", "Eve\u007f"]) {
        const refused = await w.call(createSignup, { key, body: { email: `ctl-${w.provider}@example.com`, firstName, consent: true } });
        expect(refused.status).toBe(422);
        expect(((await refused.json()) as Problem).errors?.firstName?.[0]).toMatch(/control characters/);
      }
      expect(await w.database.db.signup.count({ where: { email: `ctl-${w.provider}@example.com` } })).toBe(0);
    });

    it("applies the rule to tenant names on create and update", async () => {
      const w = world();
      const key = await w.operatorKey(["tenants:admin"]);
      const created = await w.call(createTenant, { key, body: { name: `Ini\u202Etech\u200d`, slug: `bidi-${w.provider}-${Date.now()}` } });
      expect(created.status).toBe(201);
      const tenant = (await created.json()) as { id: string; name: string };
      expect(tenant.name).toBe("Initech");
      const refused = await w.call(updateTenant, { key, params: { tenantId: tenant.id }, body: { name: "Initech\nLtd" } });
      expect(refused.status).toBe(422);
      expect(((await refused.json()) as Problem).errors?.name?.[0]).toMatch(/control characters/);
      const badCreate = await w.call(createTenant, { key, body: { name: "\u202E", slug: `empty-${w.provider}-${Date.now()}` } });
      expect(badCreate.status).toBe(422);
    });

    it("applies the rule to webhook endpoint descriptions", async () => {
      const w = world();
      const key = await w.tenantKey(["webhooks:manage"]);
      const created = await w.call(createWebhookEndpoint, {
        key,
        body: { url: "https://127.0.0.1/bidi", description: `CRM ${DISGUISED}` },
      });
      expect(created.status).toBe(201);
      expect(((await created.json()) as { endpoint: { description: string } }).endpoint.description).toBe("CRM Evetxt.exe");
      const refused = await w.call(createWebhookEndpoint, { key, body: { url: "https://127.0.0.1/ctl", description: "line\rbreak" } });
      expect(refused.status).toBe(422);
      expect(((await refused.json()) as Problem).errors?.description?.[0]).toMatch(/control characters/);
    });
  });
}
