// Session settings shared by the full auth setup and the proxy. Free of providers and database
// access, so the proxy can decode sessions without loading the sign-in machinery.
import type { NextAuthConfig } from "next-auth";
import { log } from "@switchboard/lib/log";
import type { ServerEnv } from "@switchboard/lib/env/server";

const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export function baseAuthConfig(env: ServerEnv): NextAuthConfig {
  return {
    secret: env.AUTH_SECRET,
    trustHost: env.AUTH_TRUST_HOST,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    providers: [],
    callbacks: {
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        return session;
      },
    },
    logger: {
      // A wrong password is an expected outcome, not an error worth a stack trace in the logs.
      error(error) {
        if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
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
