// Session settings shared by the full auth setup and the proxy. Free of providers and database
// access, so the proxy can decode sessions without loading the sign-in machinery. The absolute
// lifetime is enforced here (session-lifetime.ts); the session version needs the database and is
// added by app-auth-config.ts.
import type { NextAuthConfig } from "next-auth";
import { encode } from "next-auth/jwt";
import { log } from "@switchboard/lib/log";
import type { ServerEnv } from "@switchboard/lib/env/server";
import {
  isWithinLifetime,
  remainingSeconds,
  sessionEndsAtMs,
  sessionMaxAgeSeconds,
  stampSignIn,
} from "@switchboard/lib/auth/session-lifetime";

type JwtCallback = NonNullable<NonNullable<NextAuthConfig["callbacks"]>["jwt"]>;

export function baseAuthConfig(env: Pick<ServerEnv, "AUTH_SECRET" | "AUTH_TRUST_HOST" | "SESSION_MAX_AGE_HOURS">): NextAuthConfig {
  const maxAge = sessionMaxAgeSeconds(env);
  return {
    secret: env.AUTH_SECRET,
    trustHost: env.AUTH_TRUST_HOST,
    session: { strategy: "jwt", maxAge },
    // Every re-issued token expires when the sign-in does, not a full term after this request.
    jwt: { encode: (params) => encode({ ...params, maxAge: remainingSeconds(params.token, maxAge) }) },
    pages: { signIn: "/login", error: "/login" },
    providers: [],
    callbacks: {
      jwt: lifetimeJwtCallback(maxAge),
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        const endsAt = sessionEndsAtMs(token, maxAge);
        if (endsAt > 0) Object.assign(session, { expires: new Date(endsAt).toISOString() });
        return session;
      },
    },
    logger: {
      // A wrong password is an expected outcome, not an error worth a stack trace in the logs.
      error(error) {
        if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
        // An expired, signed-out or foreign session cookie: the visitor is simply signed out.
        if (error.name === "JWTSessionError") return log.info("session cookie refused", { reason: error.name });
        // Single sign-on refused by our rules (e.g. an unverified email): expected, not a fault.
        if (error.name === "AccessDenied") return log.warn("single sign-on refused", { reason: "no verified email" });
        log.error("auth error", { error });
      },
      warn(code) {
        log.warn("auth warning", { warning: code });
      },
      debug() {},
    },
  };
}

/** Stamps the sign-in moment once; afterwards null (signed out) once the lifetime is over. */
export function lifetimeJwtCallback(maxAgeSeconds: number): JwtCallback {
  return ({ token, user }) => {
    if (user) return stampSignIn(token);
    return isWithinLifetime(token, maxAgeSeconds) ? token : null;
  };
}
