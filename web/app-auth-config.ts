// The app's full auth configuration: the shared session settings plus the password provider and
// the session-version check (session-version.ts). The check runs in the jwt callback, i.e. on
// every session read — which is what the tenancy guard's auth() does on every page, action and
// route — so a signed-out token is refused on its next use. Sign-out (our action or a direct POST
// to /api/auth/signout) ends the user's sessions through Auth.js's signOut event.
import type { NextAuthConfig } from "next-auth";
import type { Db } from "@switchboard/lib/db/create-client";
import type { ServerEnv } from "@switchboard/lib/env/server";
import { baseAuthConfig, lifetimeJwtCallback } from "./auth-config";
import { credentialsProvider } from "./credentials-provider";
import { sessionMaxAgeSeconds } from "@switchboard/lib/auth/session-lifetime";
import { currentSessionVersion, endUserSessions } from "@switchboard/lib/auth/session-version";

const VERSION_CLAIM = "sessionVersion";

export function appAuthConfig(env: Pick<ServerEnv, "AUTH_SECRET" | "AUTH_TRUST_HOST" | "SESSION_MAX_AGE_HOURS">, getDb: () => Db): NextAuthConfig {
  const base = baseAuthConfig(env);
  const checkLifetime = lifetimeJwtCallback(sessionMaxAgeSeconds(env));
  return {
    ...base,
    providers: [credentialsProvider(getDb)],
    callbacks: {
      ...base.callbacks,
      async jwt(params) {
        const token = await checkLifetime(params);
        if (!token?.sub) return null;
        const current = await currentSessionVersion(getDb(), token.sub);
        if (current === null) return null; // the user was deleted
        if (params.user) return { ...token, [VERSION_CLAIM]: current };
        return token[VERSION_CLAIM] === current ? token : null;
      },
    },
    events: {
      async signOut(message) {
        const userId = "token" in message ? message.token?.sub : undefined;
        if (userId) await endUserSessions(getDb(), userId);
      },
    },
  };
}
