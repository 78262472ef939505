// /api/v1/signups: durable, idempotent creation like the public intake, keyset pages with filters,
// reading one, retrying a failed one, and tenant scoping.
import { describe, expect, it } from "vitest";
import { createSignup, getSignup, listSignups, retrySignup } from "@switchboard/lib/api/v1/signup-routes";
import type { ApiWorld } from "../support/api-world";

type SignupBody = { id: string; tenantId: string; email: string; firstName: string | null; status: string };
type Page = { items: SignupBody[]; nextCursor: string | null };

export function signupsSuite(world: () => ApiWorld) {
  describe("signups", () => {
    it("stores a signup before answering 202, and the same address again keeps one row with the latest details", async () => {
      const w = world();
      const key = await w.tenantKey(["signups:write"]);
      const first = await w.call(createSignup, { key, body: { email: "Api@Example.com", firstName: "Ann", consent: true } });
      expect(first.status).toBe(202);
      const created = (await first.json()) as SignupBody;
      expect(created).toMatchObject({
        tenantId: w.tenant.id,
        email: "Api@Example.com",
        firstName: "Ann",
        status: "pending",
        source: "api",
      });
      const again = (await (
        await w.call(createSignup, { key, body: { email: "api@example.com", firstName: "Anne", consent: true } })
      ).json()) as SignupBody;
      expect(again.id).toBe(created.id);
      const rows = await w.database.db.signup.findMany({ where: { tenantId: w.tenant.id, emailNormalized: "api@example.com" } });
      expect(rows).toHaveLength(1);
      expect(rows[0]?.firstName).toBe("Anne");
    });

    it("needs a tenantId from operator keys, and refuses one naming another tenant from a tenant key", async () => {
      const w = world();
      const operator = await w.operatorKey(["signups:write"]);
      const missing = await w.call(createSignup, { key: operator, body: { email: "op@example.com", consent: true } });
      expect(missing.status).toBe(422);
      expect(((await missing.json()) as { errors: Record<string, string[]> }).errors.tenantId).toBeDefined();
      const ok = await w.call(createSignup, {
        key: operator,
        body: { tenantId: w.otherTenant.id, email: "op@example.com", consent: true },
      });
      expect(ok.status).toBe(202);
      const crossed = await w.call(createSignup, {
        key: await w.tenantKey(),
        body: { tenantId: w.otherTenant.id, email: "x@example.com", consent: true },
      });
      expect(crossed.status).toBe(404);
    });

    it("lists newest first in pages that follow the cursor, with status, since and email filters", async () => {
      const w = world();
      const key = await w.tenantKey(["signups:write", "signups:read"]);
      const before = new Date(Date.now() - 1000).toISOString();
      for (let i = 0; i < 5; i++) await w.call(createSignup, { key, body: { email: `page${i}@example.com`, consent: true } });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: Record<string, string> = { limit: "2", since: before, ...(cursor ? { cursor } : {}) };
        const page = (await (await w.call(listSignups, { key, query })).json()) as Page;
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((item) => item.email));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen.filter((email) => email.startsWith("page"))).toEqual([
        "page4@example.com",
        "page3@example.com",
        "page2@example.com",
        "page1@example.com",
        "page0@example.com",
      ]);
      const byEmail = (await (await w.call(listSignups, { key, query: { email: "PAGE3@example.com" } })).json()) as Page;
      expect(byEmail.items.map((item) => item.email)).toEqual(["page3@example.com"]);
      const failed = (await (await w.call(listSignups, { key, query: { status: "failed" } })).json()) as Page;
      expect(failed.items.filter((item) => !(item.status === "failed"))).toEqual([]);
      const bad = await w.call(listSignups, { key, query: { status: "lost", since: "yesterday" } });
      expect(bad.status).toBe(422);
      expect(Object.keys(((await bad.json()) as { errors: object }).errors).sort()).toEqual(["since", "status"]);
    });

    it("retries a failed signup (202) but not a pending one (409), and hides other tenants' signups", async () => {
      const w = world();
      const key = await w.tenantKey(["signups:write", "signups:read"]);
      const created = (await (
        await w.call(createSignup, { key, body: { email: "retry@example.com", consent: true } })
      ).json()) as SignupBody;
      expect((await w.call(retrySignup, { key, params: { signupId: created.id } })).status).toBe(409);
      await w.database.db.signup.update({ where: { id: created.id }, data: { status: "FAILED", lastError: "INVALID_EMAIL" } });
      const retried = await w.call(retrySignup, { key, params: { signupId: created.id } });
      expect(retried.status).toBe(202);
      expect(((await retried.json()) as SignupBody).status).toBe("pending");
      const other = await w.otherTenantKey();
      expect((await w.call(getSignup, { key: other, params: { signupId: created.id } })).status).toBe(404);
      expect((await w.call(retrySignup, { key: other, params: { signupId: created.id } })).status).toBe(404);
      expect((await w.call(getSignup, { key, params: { signupId: created.id } })).status).toBe(200);
    });
  });
}
