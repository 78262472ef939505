// Runs before every request but static files and the host API: refuses a Host the app does not
// serve (DNS rebinding; lib/security/host-allowlist.ts — `npm start` checks it first too, this covers
// `next start` and `next dev`). Then, for pages only, sets the page's security headers — a
// Content-Security-Policy with a fresh nonce (which Next applies to its scripts), frame denial,
// HSTS on https — and, for the dashboard, sends signed-out visitors to /login before any
// rendering. That redirect is convenience only — the tenancy guard in every page, action and
// route is the real check. Two public exceptions: /subscribe/{tenant} may be framed by that
// tenant's allowed origins (the embed), and a plain POST to /unsubscribe/{token} (RFC 8058
// one-click) goes to its route handler.
import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { baseAuthConfig } from "@/web/auth-config";
import { db, processRuntime } from "@switchboard/lib/runtime/process-runtime";
import { cachedPublicTenant } from "@switchboard/lib/signups/intake/public-tenant";
import { newNonce, pageContentSecurityPolicy, strictTransportSecurity } from "@switchboard/lib/security/content-security-policy";
import {
  hostAllowlist,
  isAllowedHost,
  MISDIRECTED_MESSAGE,
  MISDIRECTED_STATUS,
  type HostAllowlist,
} from "@switchboard/lib/security/host-allowlist";

// The provider-free config: decoding the session JWT needs no database.
const { auth } = NextAuth(() => baseAuthConfig(processRuntime().env));

let allowedHosts: HostAllowlist | undefined;

function refuseMisdirected(): NextResponse {
  return new NextResponse(MISDIRECTED_MESSAGE, {
    status: MISDIRECTED_STATUS,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}

/** Lets the request through to rendering, with the CSP Next reads its nonce from. */
function renderWithSecurityHeaders(request: NextRequest, frameAncestors: readonly string[] = []): NextResponse {
  const env = processRuntime().env;
  const nonce = newNonce();
  const policy = pageContentSecurityPolicy({
    nonce,
    oauthOrigin: new URL(env.HUBSPOT_AUTH_BASE_URL).origin,
    https: env.APP_URL.startsWith("https://"),
    development: env.NODE_ENV === "development",
    frameAncestors,
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  // Browsers that know frame-ancestors ignore X-Frame-Options; older ones would apply DENY to the embed.
  if (frameAncestors.length === 0) response.headers.set("X-Frame-Options", "DENY");
  for (const [name, value] of Object.entries(strictTransportSecurity(env.APP_URL))) response.headers.set(name, value);
  return response;
}

const gateDashboard = auth((request) => {
  if (request.auth?.user) return renderWithSecurityHeaders(request);
  const login = new URL("/login", request.nextUrl.origin);
  login.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(login);
});

// Exactly the form's page: its thank-you, the confirmation and unsubscribe pages stay unframeable.
const PUBLIC_FORM = /^\/subscribe\/([a-z0-9][a-z0-9-]{0,62})\/?$/i;
const UNSUBSCRIBE = /^\/unsubscribe\/([^/]+)$/;

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  allowedHosts ??= hostAllowlist(processRuntime().env);
  if (!isAllowedHost(request.headers.get("host"), allowedHosts)) return refuseMisdirected();
  const { pathname } = request.nextUrl;
  const unsubscribe = UNSUBSCRIBE.exec(pathname);
  // A page and a route handler cannot share a path; a server action's POST carries Next-Action.
  if (unsubscribe && request.method === "POST" && !request.headers.has("next-action")) {
    return NextResponse.rewrite(new URL(`/api/unsubscribe/${unsubscribe[1]}`, request.nextUrl.origin));
  }
  // The API answers JSON or a self-contained page, with its headers from next.config.ts.
  if (pathname.startsWith("/api/")) return NextResponse.next();
  const form = PUBLIC_FORM.exec(pathname);
  if (form) {
    const tenant = await cachedPublicTenant(db, form[1]!);
    return renderWithSecurityHeaders(request, tenant?.allowedOrigins ?? []);
  }
  if (!pathname.startsWith("/t/")) return renderWithSecurityHeaders(request);
  // With lazily configured NextAuth, auth(callback) yields a promise of the handler (its type
  // claims the handler itself); Next requires `proxy` to be a plain function, hence this wrapper.
  const handler = await gateDashboard;
  return handler(request, event as unknown as Parameters<typeof handler>[1]);
}

// Every page and API route (the Host check covers both), but not static files, and not the host API
// (/api/v1): running a proxy costs Next about half a millisecond of CPU per request, a quarter of a
// host API call, and a rebinding page gains nothing there — every /api/v1 operation but the public
// OpenAPI document needs an API key, which such a page cannot have. `npm start` checks its Host anyway.
export const config = { matcher: ["/((?!api/v1/|_next/static|_next/image|favicon\\.svg|robots\\.txt).*)"] };
