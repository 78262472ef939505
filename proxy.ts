// Optimistic gate for the dashboard: visitors without a session cookie are sent to /login before any
// rendering. Convenience only — the tenancy guard in every page, action and route is the real check.
import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { baseAuthConfig } from "@/lib/auth/base-config";
import { serverEnv } from "@/lib/env/server";

// The provider-free config: decoding the session JWT needs no database.
const { auth } = NextAuth(() => baseAuthConfig(serverEnv()));

export const proxy = auth((request) => {
  if (request.auth?.user) return NextResponse.next();
  const login = new URL("/login", request.nextUrl.origin);
  login.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(login);
});

export const config = { matcher: ["/t/:path*"] };
