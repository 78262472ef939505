// The production server's routing: a request naming a host the app does not serve is refused
// (lib/security/host-allowlist.ts: DNS rebinding); the public signup API takes the direct intake path
// (server/intake-path.ts), every other request goes to Next.js. Before either, X-Forwarded-For is
// replaced by the one client address the trusted proxies vouch for, so no client can pick the
// address that sign-in and signup throttling count against; a path that cannot be decoded is
// answered 400; and the security headers that depend on run time (HSTS) or that Next would add
// (on the direct path) are set.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { log } from "@switchboard/lib/log";
import { isAllowedHost, MISDIRECTED_MESSAGE, MISDIRECTED_STATUS, type HostAllowlist } from "@switchboard/lib/security/host-allowlist";
import { strictTransportSecurity } from "@switchboard/lib/security/content-security-policy";
import { API_SECURITY_HEADERS, BASELINE_SECURITY_HEADERS } from "@switchboard/lib/security/response-security-headers";
import type { SubscribeContext } from "@switchboard/lib/signups/intake/handle-subscribe";
import { clientAddressOf } from "./client-address";
import { intakeSlugOf, serveIntake } from "./intake-path";
import { hasWellFormedPath } from "./well-formed-path";

const DIRECT_PATH_HEADERS = { ...BASELINE_SECURITY_HEADERS, ...API_SECURITY_HEADERS };

export interface AppServerOptions {
  /** Next's request handler (`next().getRequestHandler()`). */
  handleWithNext: (request: IncomingMessage, response: ServerResponse) => Promise<void>;
  context: SubscribeContext;
  intakeDirectPath: boolean;
  trustedProxyHops: number;
  /** The Host names answered (hostAllowlist(serverEnv())); every other is refused with 421. */
  allowedHosts: HostAllowlist;
}

export function createAppServer({ handleWithNext, context, intakeDirectPath, trustedProxyHops, allowedHosts }: AppServerOptions): Server {
  return createServer((request, response) => {
    // First, before the direct path or Next run anything: a page that rebinds its own name to this
    // server's address still sends that name as Host.
    if (!isAllowedHost(request.headers.host, allowedHosts)) {
      request.resume();
      response.writeHead(MISDIRECTED_STATUS, {
        ...BASELINE_SECURITY_HEADERS,
        "Content-Type": "text/plain; charset=utf-8",
        "Cache-Control": "no-store",
        Connection: "close",
      });
      return void response.end(MISDIRECTED_MESSAGE);
    }
    // Next answers a path with a broken %-escape with a bare 500; it is the client's mistake.
    if (!hasWellFormedPath(request.url)) {
      request.resume();
      response.writeHead(400, { ...BASELINE_SECURITY_HEADERS, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
      return void response.end("Bad request: malformed percent-encoding in the path.\n");
    }
    const client = clientAddressOf(request.headers["x-forwarded-for"], request.socket.remoteAddress, trustedProxyHops);
    if (client) request.headers["x-forwarded-for"] = client;
    else delete request.headers["x-forwarded-for"];
    // HSTS depends on APP_URL at run time, so it is set here (and in proxy.ts) rather than at build.
    for (const [name, value] of Object.entries(strictTransportSecurity(context.appUrl))) response.setHeader(name, value);
    const slug = intakeDirectPath ? intakeSlugOf(request) : null;
    // The direct path answers without Next, so it adds what next.config.ts adds to every API answer.
    if (slug !== null) for (const [name, value] of Object.entries(DIRECT_PATH_HEADERS)) response.setHeader(name, value);
    const handled = slug === null ? handleWithNext(request, response) : serveIntake(request, response, slug, context);
    handled.catch((error: unknown) => {
      log.error("request failed", { path: request.url?.split("?")[0], error });
      if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain" });
      response.end();
    });
  });
}
