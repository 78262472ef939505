import { randomUUID } from "node:crypto";
import type { SimulatorState } from "../state/simulator-state";
import type { AccessToken, RefreshToken } from "../state/token-store";

// Metadata bodies shared by the v1 metadata endpoints and v3 introspection.

export function liveAccessToken(sim: SimulatorState, token: string): AccessToken | undefined {
  const found = sim.tokens.findAccessToken(token);
  return found && !found.revoked && found.expiresAt > Date.now() ? found : undefined;
}

export function accessTokenInfo(sim: SimulatorState, token: AccessToken) {
  return {
    token: token.token,
    user: token.userEmail,
    hub_domain: token.hubDomain,
    scopes: token.scopes,
    hub_id: token.portalId,
    app_id: sim.config.appId,
    expires_in: Math.max(0, Math.floor((token.expiresAt - Date.now()) / 1000)),
    user_id: token.userId,
    token_type: "access",
  };
}

export function refreshTokenInfo(token: RefreshToken) {
  return {
    token: token.token,
    user: token.userEmail,
    hub_domain: token.hubDomain,
    scopes: token.scopes,
    hub_id: token.portalId,
    client_id: token.clientId,
    user_id: token.userId,
    token_type: "refresh",
  };
}

/** 404 body for unknown, expired or revoked tokens (HubSpot's exact body here is unconfirmed). */
export function tokenNotFoundBody(kind: "access" | "refresh") {
  return {
    status: "error",
    message: `The ${kind} token is invalid, expired or revoked`,
    correlationId: randomUUID(),
    category: "OBJECT_NOT_FOUND",
  };
}
