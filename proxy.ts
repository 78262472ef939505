// Runs before every request but static files: refuses a Host the app does not serve (DNS
// rebinding; lib/security/host-allowlist.ts — `npm start` checks it first too, this covers
// `next start` and `next dev`). Then, for pages only, sets the page's security headers — a
// Content-Security-Policy with a fresh nonce (which Next applies to its scripts), frame denial,
// HSTS on https — and, for the dashboard, sends signed-out visitors to /login before any
// rendering. That redirect is convenience only — the tenancy guard in every page, action and
// route is the real check.
import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { baseAuthConfig } from "@/web/auth-config";
import { serverEnv } from "@switchboard/lib/env/server";
import { newNonce, pageContentSecurityPolicy, strictTransportSecurity } from "@switchboard/lib/security/content-security-policy";
import { hostAllowlist, isAllowedHost, MISDIRECTED_MESSAGE, MISDIRECTED_STATUS, type HostAllowlist } from "@switchboard/lib/security/host-allowlist";

// The provider-free config: decoding the session JWT needs no database.
const { auth } = NextAuth(() => baseAuthConfig(serverEnv()));

let allowedHosts: HostAllowlist | undefined;

function refuseMisdirected(): NextResponse {
  return new NextResponse(MISDIRECTED_MESSAGE, {
    status: MISDIRECTED_STATUS,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}

/** Lets the request through to rendering, with the CSP Next reads its nonce from. */
function renderWithSecurityHeaders(request: NextRequest): NextResponse {
  const env = serverEnv();
  const nonce = newNonce();
  const policy = pageContentSecurityPolicy({
    nonce,
    oauthOrigin: new URL(env.HUBSPOT_AUTH_BASE_URL).origin,
    https: env.APP_URL.startsWith("https://"),
    development: env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  response.headers.set("X-Frame-Options", "DENY");
  for (const [name, value] of Object.entries(strictTransportSecurity(env.APP_URL))) response.headers.set(name, value);
  return response;
}

const gateDashboard = auth((request) => {
  if (request.auth?.user) return renderWithSecurityHeaders(request);
  const login = new URL("/login", request.nextUrl.origin);
  login.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(login);
});

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  allowedHosts ??= hostAllowlist(serverEnv());
  if (!isAllowedHost(request.headers.get("host"), allowedHosts)) return refuseMisdirected();
  // The API answers JSON or a self-contained page, with its headers from next.config.ts.
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();
  if (!request.nextUrl.pathname.startsWith("/t/")) return renderWithSecurityHeaders(request);
  // With lazily configured NextAuth, auth(callback) yields a promise of the handler (its type
  // claims the handler itself); Next requires `proxy` to be a plain function, hence this wrapper.
  const handler = await gateDashboard;
  return handler(request, event as unknown as Parameters<typeof handler>[1]);
}

// Every page and API route (the Host check covers both); not static files.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon\\.svg|robots\\.txt).*)"] };
