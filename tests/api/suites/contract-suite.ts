// The published OpenAPI document against reality: every response the other suites received (run
// before this one, on the same world) must match the schema the document gives for its operation,
// status and content type; every documented operation must have answered at least one success;
// and every documented path must have an App Router route file.
import { existsSync } from "node:fs";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@switchboard/lib/api/openapi";
import { allRoutes } from "@switchboard/lib/api/v1/all-routes";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import type { ApiWorld } from "../support/api-world";

type JsonObject = Record<string, unknown>;
type Operation = { operationId: string; responses: Record<string, { content?: Record<string, { schema: JsonObject }> }> };

function resolveRefs(node: unknown, components: Record<string, unknown>): unknown {
  if (Array.isArray(node)) return node.map((item) => resolveRefs(item, components));
  if (node === null || typeof node !== "object") return node;
  const ref = (node as JsonObject).$ref;
  if (typeof ref === "string") return resolveRefs(components[ref.replace("#/components/schemas/", "")], components);
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, resolveRefs(value, components)]));
}

export function contractSuite(world: () => ApiWorld) {
  describe("the OpenAPI document", () => {
    it("is served at /api/v1/openapi.json as OpenAPI 3.1 with every route", async () => {
      const served = (await openApiRoute().json()) as { openapi: string; paths: Record<string, Record<string, Operation>> };
      expect(served.openapi).toBe("3.1.0");
      const documented = Object.values(served.paths).flatMap((methods) => Object.values(methods).map((operation) => operation.operationId));
      expect(documented.sort()).toEqual(allRoutes.map((route) => route.spec.operationId).sort());
      for (const path of Object.keys(served.paths)) {
        const file = `app${path.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`;
        expect(existsSync(file), file).toBe(true);
      }
    });

    it("describes every real response the suites received", () => {
      const doc = openApiDocument("http://localhost:3000") as unknown as {
        paths: Record<string, Record<string, Operation>>;
        components: { schemas: Record<string, unknown> };
      };
      const operations = new Map<string, Operation>();
      for (const methods of Object.values(doc.paths))
        for (const operation of Object.values(methods)) operations.set(operation.operationId, operation);
      const validators = new Map<string, z.ZodType>();
      const succeeded = new Set<string>();
      const { recorded } = world();
      expect(recorded.length).toBeGreaterThan(100);
      for (const response of recorded) {
        const operation = operations.get(response.operationId);
        const documented = operation?.responses[String(response.status)];
        expect(documented, `${response.operationId} answered an undocumented ${response.status}`).toBeDefined();
        if (response.status < 300) succeeded.add(response.operationId);
        const content = documented?.content;
        if (!content) {
          expect(response.body, `${response.operationId} ${response.status} should have no body`).toBe("");
          continue;
        }
        const mediaType = (response.contentType ?? "").split(";")[0] ?? "";
        const entry = content[mediaType];
        expect(entry, `${response.operationId} ${response.status} sent ${mediaType}`).toBeDefined();
        const cacheKey = `${response.operationId} ${response.status}`;
        let validator = validators.get(cacheKey);
        if (!validator) {
          validator = z.fromJSONSchema(resolveRefs(entry?.schema, doc.components.schemas) as Parameters<typeof z.fromJSONSchema>[0]);
          validators.set(cacheKey, validator);
        }
        const verdict = validator.safeParse(JSON.parse(response.body));
        expect(verdict.success, `${cacheKey}: ${verdict.error?.message ?? ""}\n${response.body.slice(0, 300)}`).toBe(true);
      }
      // The validators bite: no documented body is satisfied by an empty object.
      for (const [cacheKey, validator] of validators) expect(validator.safeParse({}).success, cacheKey).toBe(false);
      expect([...succeeded].sort()).toEqual(allRoutes.map((route) => route.spec.operationId).sort());
    });
  });
}
