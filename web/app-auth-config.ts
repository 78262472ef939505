// The full sign-in setup of the app: password sign-in (unless AUTH_PASSWORD=off) and single sign-on
// (when OIDC_* is configured). Built from explicit configuration and database so tests can run the
// real next-auth handlers against a real identity provider.
import type { NextAuthConfig } from "next-auth";
import type { Db } from "@switchboard/lib/db/create-client";
import type { ServerEnv } from "@switchboard/lib/env/server";
import { signInWithOidcClaims } from "@switchboard/lib/auth/oidc-sign-in";
import { baseAuthConfig } from "./auth-config";
import { credentialsProvider } from "./credentials-provider";
import { OIDC_PROVIDER_ID, oidcProvider } from "./oidc-provider";

export function appAuthConfig(env: ServerEnv, getDb: () => Db): NextAuthConfig {
  const base = baseAuthConfig(env);
  const oidc = oidcProvider(env);
  return {
    ...base,
    providers: [...(env.AUTH_PASSWORD === "on" ? [credentialsProvider(getDb)] : []), ...(oidc ? [oidc] : [])],
    callbacks: {
      ...base.callbacks,
      async signIn({ user, account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        const outcome = await signInWithOidcClaims(getDb(), profile, { rolesClaim: env.OIDC_ROLES_CLAIM });
        if (!outcome.ok) return false;
        // The session is about OUR account: its id becomes the token's subject (next-auth builds the
        // token from this same object after the callback).
        Object.assign(user, outcome.user);
        return true;
      },
    },
  };
}
