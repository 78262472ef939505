// The public signup API has two front doors that must answer identically: the App Router route
// (next dev, plain `next start`) and the production server's direct path (server/main.ts). Intake
// tests run against both. The server transport is the real node:http server from
// server/create-app-server.ts on a loopback port; only Next behind it is a stand-in (it answers
// 404 with a marker header), since these tests are about what never reaches Next.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { HostAllowlist } from "@switchboard/lib/security/host-allowlist";

export const NEXT_STAND_IN_HEADER = "x-answered-by-next-stand-in";
/** The X-Forwarded-For the stand-in for Next received, echoed back. */
export const NEXT_SAW_FORWARDED_FOR = "x-next-stand-in-saw-forwarded-for";

export interface IntakeTransport {
  name: string;
  post(slug: string, body: BodyInit | null, headers: Record<string, string>): Promise<Response>;
  preflight(slug: string, headers: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export const transportNames = ["App Router route", "production server direct path"] as const;
export type TransportName = (typeof transportNames)[number];

/** Call after the test's environment (DATABASE_URL etc.) is in place: the app reads it on import. */
export async function openTransport(name: TransportName): Promise<IntakeTransport> {
  return name === "App Router route" ? openRouteTransport() : openServerTransport();
}

async function openRouteTransport(): Promise<IntakeTransport> {
  const route = await import("@/app/api/subscribe/[tenantSlug]/route");
  const request = (slug: string, init: RequestInit) => new Request(`http://localhost:3000/api/subscribe/${encodeURIComponent(slug)}`, init);
  return {
    name: "App Router route",
    post: (slug, body, headers) =>
      route.POST(
        request(slug, { method: "POST", body, headers, ...(body instanceof ReadableStream ? { duplex: "half" } : {}) } as RequestInit),
        {
          params: Promise.resolve({ tenantSlug: slug }),
        },
      ),
    preflight: (slug, headers) =>
      route.OPTIONS(request(slug, { method: "OPTIONS", headers }), { params: Promise.resolve({ tenantSlug: slug }) }),
    close: async () => undefined,
  };
}

async function openServerTransport(
  options: { intakeDirectPath?: boolean; trustedProxyHops?: number; allowedHosts?: HostAllowlist } = {},
): Promise<IntakeTransport & { url: string }> {
  const { createAppServer } = await import("@/server/create-app-server");
  const { hostAllowlist } = await import("@switchboard/lib/security/host-allowlist");
  const { serverEnv } = await import("@switchboard/lib/env/server");
  const { appSubscribeContext } = await import("@switchboard/lib/signups/intake/handle-subscribe");
  const server = createAppServer({
    handleWithNext: async (request, response) => {
      response
        .writeHead(404, { [NEXT_STAND_IN_HEADER]: "1", [NEXT_SAW_FORWARDED_FOR]: String(request.headers["x-forwarded-for"] ?? "") })
        .end();
      request.resume();
    },
    context: appSubscribeContext((await import("@switchboard/lib/runtime/process-runtime")).processRuntime()),
    intakeDirectPath: options.intakeDirectPath ?? true,
    // One reverse proxy in front (a deployment's setting, not the default), so tests can name client addresses.
    trustedProxyHops: options.trustedProxyHops ?? 1,
    allowedHosts: options.allowedHosts ?? hostAllowlist(serverEnv()),
  });
  const url = await listen(server);
  // redirect: manual — the 303 to the thank-you page is the answer under test, not something to follow.
  const send = (slug: string, init: RequestInit) =>
    fetch(`${url}/api/subscribe/${encodeURIComponent(slug)}`, { ...init, redirect: "manual" });
  return {
    name: "production server direct path",
    url,
    post: (slug, body, headers) =>
      send(slug, { method: "POST", body, headers, ...(body instanceof ReadableStream ? { duplex: "half" } : {}) } as RequestInit),
    preflight: (slug, headers) => send(slug, { method: "OPTIONS", headers }),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export { openServerTransport };

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}
