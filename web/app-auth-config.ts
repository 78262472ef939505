// The app's full auth configuration: the shared session settings (auth-config.ts), password sign-in
// (unless AUTH_PASSWORD=off), single sign-on (when OIDC_* is configured) and the session-version
// check. The check runs in the jwt callback, i.e. on every session read — which is what the
// tenancy guard's auth() does on every page, action and route — so a signed-out token is refused on
// its next use. Sign-out (our action or a direct POST to /api/auth/signout) ends the user's sessions
// through Auth.js's signOut event. Built from explicit configuration and database so tests can run
// the real next-auth handlers against a real identity provider.
import type { NextAuthConfig } from "next-auth";
import { AppError } from "@switchboard/lib/app-error";
import { signInWithOidcClaims } from "@switchboard/lib/auth/oidc-sign-in";
import { sessionMaxAgeSeconds } from "@switchboard/lib/auth/session-lifetime";
import { currentSessionVersion, endUserSessions } from "@switchboard/lib/auth/session-version";
import type { Db } from "@switchboard/lib/db/create-client";
import type { ServerEnv } from "@switchboard/lib/env/server";
import { baseAuthConfig, lifetimeJwtCallback } from "./auth-config";
import { credentialsProvider } from "./credentials-provider";
import { OIDC_PROVIDER_ID, oidcProvider } from "./oidc-provider";

const VERSION_CLAIM = "sessionVersion";

/** The settings sign-in depends on. */
export type AuthEnv = Pick<
  ServerEnv,
  | "AUTH_SECRET"
  | "AUTH_TRUST_HOST"
  | "SESSION_MAX_AGE_HOURS"
  | "AUTH_PASSWORD"
  | "OIDC_ISSUER"
  | "OIDC_CLIENT_ID"
  | "OIDC_CLIENT_SECRET"
  | "OIDC_NAME"
  | "OIDC_ROLES_CLAIM"
>;

export function appAuthConfig(env: AuthEnv, getDb: () => Db): NextAuthConfig {
  const base = baseAuthConfig(env);
  const checkLifetime = lifetimeJwtCallback(sessionMaxAgeSeconds(env));
  const oidc = oidcProvider(env);
  return {
    ...base,
    providers: [...(env.AUTH_PASSWORD === "on" ? [credentialsProvider(getDb)] : []), ...(oidc ? [oidc] : [])],
    callbacks: {
      ...base.callbacks,
      async signIn({ user, account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        try {
          // The session is about OUR account: its id becomes the token's subject (next-auth builds the
          // token from this same object after the callback).
          Object.assign(user, await signInWithOidcClaims(getDb(), profile, { rolesClaim: env.OIDC_ROLES_CLAIM }));
          return true;
        } catch (error) {
          // next-auth's way of refusing: false (the sign-in page then says why).
          if (error instanceof AppError && error.code === "unauthenticated") return false;
          throw error;
        }
      },
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
