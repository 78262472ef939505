// Paths and methods /api/v1 does not have answer like everything else there: a problem document
// (404 for a path that names no operation, 405 with Allow for a method the path does not take),
// through the route files Next serves.
import { describe, expect, it } from "vitest";
import * as unknownPaths from "@/app/api/v1/[[...rest]]/route";
import * as openApiPath from "@/app/api/v1/openapi.json/route";
import * as tenantPath from "@/app/api/v1/tenants/[tenantId]/route";
import * as tenantsPath from "@/app/api/v1/tenants/route";
import type { ApiWorld } from "../support/api-world";

const url = (path: string) => `http://localhost:3000${path}`;

export function unknownPathSuite(world: () => ApiWorld) {
  describe("unknown paths and methods", () => {
    it("answers a path that names no operation with a 404 problem, for every method", async () => {
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"] as const) {
        const response = await unknownPaths[method]();
        expect(response.status).toBe(404);
        expect(response.headers.get("content-type")).toBe("application/problem+json");
        expect(await response.json()).toMatchObject({
          status: 404,
          code: "not_found",
          detail: expect.stringContaining("/api/v1/openapi.json"),
        });
      }
    });

    it("answers a method the path does not take with a 405 problem and Allow", async () => {
      const key = await world().operatorKey(["tenants:admin"]);
      const put = await tenantsPath.PUT(
        new Request(url("/api/v1/tenants"), { method: "PUT", headers: { authorization: `Bearer ${key}` } }),
        { params: Promise.resolve({}) },
      );
      expect(put.status).toBe(405);
      expect(put.headers.get("allow")).toBe("GET, POST");
      expect(put.headers.get("content-type")).toBe("application/problem+json");
      expect(await put.json()).toMatchObject({ status: 405, code: "method_not_allowed" });
      const post = await tenantPath.POST(new Request(url("/api/v1/tenants/x"), { method: "POST" }), {
        params: Promise.resolve({ tenantId: "x" }),
      });
      expect(post.status).toBe(405);
      expect(post.headers.get("allow")).toBe("GET, PATCH, DELETE");
      const openApi = await openApiPath.DELETE(new Request(url("/api/v1/openapi.json"), { method: "DELETE" }));
      expect([openApi.status, openApi.headers.get("allow"), openApi.headers.get("content-type")]).toEqual([
        405,
        "GET",
        "application/problem+json",
      ]);
      // The path's own methods still reach their routes.
      expect(
        (
          await tenantsPath.GET(new Request(url("/api/v1/tenants"), { headers: { authorization: `Bearer ${key}` } }), {
            params: Promise.resolve({}),
          })
        ).status,
      ).toBe(200);
    });
  });
}
