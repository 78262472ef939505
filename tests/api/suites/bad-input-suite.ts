// What every route does with bad input: 401 for wrong or revoked keys, 413 oversized, 415 not JSON,
// 422 malformed JSON, wrong types and unknown fields — always problem+json; and fast-check over every
// route with arbitrary paths, queries and bodies: never a 5xx.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { revokeApiKey } from "@switchboard/lib/api-keys/manage-api-keys";
import { prefixOf } from "@switchboard/lib/api-keys/api-key-format";
import { createSignup, listSignups } from "@switchboard/lib/api/v1/signup-routes";
import { allRoutes } from "@switchboard/lib/api/v1/all-routes";
import { MAX_JSON_NESTING } from "@switchboard/lib/json/json-nesting";
import { deeplyNestedJson } from "@/tests/helpers/deep-json";
import type { ApiWorld } from "../support/api-world";

export function badInputSuite(world: () => ApiWorld) {
  describe("bad input", () => {
    it("answers a revoked key 401 on its very next request", async () => {
      const w = world();
      const key = await w.tenantKey(["signups:read"]);
      expect((await w.call(listSignups, { key })).status).toBe(200);
      await revokeApiKey(w.database.db, w.tenant.id, prefixOf(key) ?? "", { userId: null, label: "test" });
      const response = await w.call(listSignups, { key });
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
    });

    it("answers 413 for oversized bodies, 415 for non-JSON, 422 for malformed JSON, wrong types and unknown fields", async () => {
      const w = world();
      const key = await w.tenantKey();
      const big = await w.call(createSignup, {
        key,
        rawBody: JSON.stringify({ email: "a@example.com", consent: true, pad: "x".repeat(70_000) }),
        headers: { "content-type": "application/json" },
      });
      expect(big.status).toBe(413);
      const form = await w.call(createSignup, {
        key,
        rawBody: "email=a@example.com",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      expect(form.status).toBe(415);
      const malformed = await w.call(createSignup, { key, rawBody: '{"email":', headers: { "content-type": "application/json" } });
      expect(malformed.status).toBe(422);
      const wrongTypes = await w.call(createSignup, { key, body: { email: 42, consent: "yes" } });
      expect(wrongTypes.status).toBe(422);
      const problem = (await wrongTypes.json()) as { errors: Record<string, string[]>; type: string; title: string; status: number };
      expect(Object.keys(problem.errors).sort()).toEqual(["consent", "email"]);
      expect(problem.status).toBe(422);
      const unknown = await w.call(createSignup, { key, body: { email: "u@example.com", consent: true, admin: true } });
      expect(unknown.status).toBe(422);
      const unknownQuery = await w.call(listSignups, { key, query: { sort: "asc" } });
      expect(unknownQuery.status).toBe(422);
      // PostgreSQL refuses NUL in text: refused as input, never a 500.
      expect((await w.call(listSignups, { key, query: { email: "a\u0000b@example.com" } })).status).toBe(422);
      expect((await w.call(createSignup, { key, body: { email: "nul@example.com", firstName: "A\u0000", consent: true } })).status).toBe(
        422,
      );
    });

    it("answers 422 problem+json to JSON nested thousands of levels deep, on every route with a body (fast-check)", async () => {
      const w = world();
      // The operator key holds every scope, so the scope check (before the body) passes on every route.
      const key = await w.operatorKey();
      // Exactly the parameters the route's path names (unknown ones are refused first), with ids that exist.
      const known: Record<string, string> = { connectionId: w.connectionId, tenantId: w.tenant.id };
      const pathParams = (route: (typeof allRoutes)[number]) =>
        Object.fromEntries([...route.spec.path.matchAll(/\{(\w+)\}/g)].map(([, name = ""]) => [name, known[name] ?? "none"]));
      const routesWithBody = allRoutes.filter((route) => route.spec.body !== undefined);
      expect(routesWithBody.length).toBeGreaterThan(3);
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...routesWithBody),
          deeplyNestedJson({ minDepth: MAX_JSON_NESTING + 1, maxDepth: 6_000 }),
          async (route, nested) => {
            const response = await w.call(route, {
              key,
              params: pathParams(route),
              rawBody: nested.text,
              headers: { "content-type": "application/json" },
            });
            expect(response.status, `${route.spec.operationId} at depth ${nested.depth}`).toBe(422);
            expect(response.headers.get("content-type")).toBe("application/problem+json");
            expect(((await response.json()) as { errors: Record<string, string[]> }).errors.body?.[0]).toMatch(/Nested deeper than/);
          },
        ),
        { numRuns: 60 },
      );
      // One the size the review sent: ~10 KB, 5,000 levels.
      const review = `{"email":${"[".repeat(5_000)}${"]".repeat(5_000)}}`;
      for (const route of routesWithBody) {
        const response = await w.call(route, {
          key,
          params: pathParams(route),
          rawBody: review,
          headers: { "content-type": "application/json" },
        });
        expect(response.status, route.spec.operationId).toBe(422);
      }
    });

    it("never answers 5xx to arbitrary input on any route (fast-check)", async () => {
      const w = world();
      const keys = [await w.tenantKey(), await w.operatorKey(), "sb_live_AAAAAAAAAAAA_" + "B".repeat(40), ""];
      const jsonValue = fc.jsonValue({ maxDepth: 3 });
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...allRoutes),
          fc.constantFrom(...keys),
          fc.dictionary(
            fc.constantFrom("connectionId", "signupId", "tenantId"),
            fc.oneof(fc.string({ maxLength: 120, unit: "binary" }), fc.constant(w.connectionId), fc.constant(w.tenant.id)),
          ),
          fc.dictionary(
            fc.constantFrom("limit", "cursor", "status", "since", "email", "tenantId", "x"),
            fc.string({ maxLength: 40, unit: "binary" }),
          ),
          fc.oneof(
            jsonValue,
            fc.record(
              { email: fc.oneof(fc.emailAddress(), fc.string()), consent: fc.oneof(fc.boolean(), fc.string()), tenantId: fc.string() },
              { requiredKeys: [] },
            ),
          ),
          async (route, key, params, query, body) => {
            // Never let the generator change the world's one connection into a state later tests don't expect.
            const safeParams = route.spec.operationId === "deleteTenant" ? { tenantId: "no-such-tenant" } : params;
            const response = await w.call(route, { key, params: safeParams, query, ...(route.spec.method === "get" ? {} : { body }) });
            expect(response.status, `${route.spec.operationId} ${response.status}`).toBeLessThan(500);
            if (response.status >= 400) expect(response.headers.get("content-type")).toBe("application/problem+json");
          },
        ),
        { numRuns: 150 },
      );
    });
  });
}
