// Optimistic gate for the dashboard: visitors without a session are sent to /login before any
// rendering. Convenience only — the tenancy guard in every page, action and route is the real check.
import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { baseAuthConfig } from "@/web/auth-config";
import { serverEnv } from "@switchboard/lib/env/server";

// The provider-free config: decoding the session JWT needs no database.
const { auth } = NextAuth(() => baseAuthConfig(serverEnv()));

const redirectSignedOut = auth((request) => {
  if (request.auth?.user) return NextResponse.next();
  const login = new URL("/login", request.nextUrl.origin);
  login.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(login);
});

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  // With lazily configured NextAuth, auth(callback) yields a promise of the handler (its type
  // claims the handler itself); Next requires `proxy` to be a plain function, hence this wrapper.
  const handler = await redirectSignedOut;
  return handler(request, event as unknown as Parameters<typeof handler>[1]);
}

export const config = { matcher: ["/t/:path*"] };
