// Next's proxy (proxy.ts), the Host check's second door: under `next start` or `next dev` nothing
// stands in front of it. Its matcher must send API routes through it as well as pages — all but the
// host API, whose every operation needs a key — and a request naming another host must be refused
// before any route or page runs.
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest, type NextFetchEvent } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { configureApp } from "@/tests/helpers/app-env";

let proxyModule: typeof import("@/proxy");

beforeAll(async () => {
  configureApp("file:./.data/unused-by-proxy-test.db");
  proxyModule = await import("@/proxy");
});

const event = {} as NextFetchEvent;

/** The proxy's answer; it always answers (with next() or a refusal), never falls through. */
async function runProxy(request: NextRequest): Promise<Response> {
  const response = await proxyModule.proxy(request, event);
  if (!response) throw new Error("proxy.ts let a request through without an answer");
  return response;
}
const requestAs = (host: string, path: string, init: { method?: string; body?: string } = {}) =>
  new NextRequest(`http://localhost:3000${path}`, { ...init, headers: { host, "content-type": "application/json" } });

const paths = [
  "/login",
  "/forgot-password",
  "/docs/api",
  "/t/contoso/integrations",
  "/dev/mailbox",
  "/api/subscribe/contoso",
  "/api/auth/session",
  "/api/health",
  "/metrics",
];

describe("proxy.ts host check", () => {
  it("runs for every page and API route, and not for static files", () => {
    for (const path of paths) expect(unstable_doesMiddlewareMatch({ config: proxyModule.config, url: path }), path).toBe(true);
    for (const path of ["/_next/static/chunks/app.js", "/favicon.svg"])
      expect(unstable_doesMiddlewareMatch({ config: proxyModule.config, url: path }), path).toBe(false);
  });

  it("leaves the host API to its keys (and `npm start`'s own Host check): no proxy run on /api/v1", () => {
    for (const path of ["/api/v1/whoami", "/api/v1/connections/c1/access-token", "/api/v1/mcp", "/api/v1/openapi.json"])
      expect(unstable_doesMiddlewareMatch({ config: proxyModule.config, url: path }), path).toBe(false);
    // A path that only starts like it is still a page or route the proxy guards.
    for (const path of ["/api/v10/x", "/api/v1x"])
      expect(unstable_doesMiddlewareMatch({ config: proxyModule.config, url: path }), path).toBe(true);
  });

  it("refuses a Host the app does not serve with 421, on pages and the API alike", async () => {
    for (const path of paths) {
      for (const host of ["rebind.attacker.test:3000", "rebind.attacker.test", "localhost.attacker.test"]) {
        const response = await runProxy(requestAs(host, path, path.startsWith("/api/") ? { method: "POST", body: "{}" } : {}));
        expect(response.status, `${host} ${path}`).toBe(421);
        expect(response.headers.get("x-middleware-next"), `${host} ${path}`).toBeNull();
        expect(await response.text()).toMatch(/does not serve that host/);
      }
    }
  });

  it("lets APP_URL's host (and loopback outside production) through: pages get the CSP, the API its own headers", async () => {
    const page = await runProxy(requestAs("localhost:3000", "/login"));
    expect(page.headers.get("x-middleware-next")).toBe("1");
    expect(page.headers.get("content-security-policy")).toContain("'nonce-");
    const api = await runProxy(requestAs("127.0.0.1:3000", "/api/health"));
    expect(api.headers.get("x-middleware-next")).toBe("1");
    expect(api.headers.get("content-security-policy")).toBeNull();
  });
});
