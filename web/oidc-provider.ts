// Single sign-on with the host's OpenID Connect provider, from OIDC_ISSUER / OIDC_CLIENT_ID /
// OIDC_CLIENT_SECRET. Authorization code flow with PKCE, state and nonce; the issuer is checked
// against discovery and the ID token. Claims come from the userinfo endpoint (idToken: false), which
// every provider fills for the email/profile scopes; who they become is decided in
// lib/auth/oidc-sign-in.ts, called from the signIn callback (app-auth-config.ts).
import type { OIDCConfig } from "next-auth/providers";
import type { ServerEnv } from "@switchboard/lib/env/server";

export const OIDC_PROVIDER_ID = "oidc";

export function oidcProvider(
  env: Pick<ServerEnv, "OIDC_ISSUER" | "OIDC_CLIENT_ID" | "OIDC_CLIENT_SECRET" | "OIDC_NAME">,
): OIDCConfig<Record<string, unknown>> | null {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  return {
    id: OIDC_PROVIDER_ID,
    name: env.OIDC_NAME,
    type: "oidc",
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    checks: ["pkce", "state", "nonce"],
    idToken: false,
    authorization: { params: { scope: "openid email profile" } },
    profile(claims) {
      return {
        id: String(claims.sub),
        email: typeof claims.email === "string" ? claims.email : null,
        name: typeof claims.name === "string" ? claims.name : null,
      };
    },
  };
}
