import { scopedFault } from "../fault-responses";
import type { RequestContext } from "../http/context";
import { readForm } from "../http/read-body";
import { sendJson } from "../http/respond";
import type { AccessToken, RefreshToken } from "../state/token-store";
import { grantOf } from "../state/token-store";
import { checkClientCredentials } from "./client-credentials";
import { sendTokenError } from "./token-errors";

function tokenResponse(accessToken: AccessToken, refreshToken: RefreshToken) {
  return {
    token_type: "bearer",
    refresh_token: refreshToken.token,
    access_token: accessToken.token,
    expires_in: Math.max(0, Math.round((accessToken.expiresAt - Date.now()) / 1000)),
    token_use: "access_token",
    hub_id: accessToken.portalId,
    user_id: accessToken.userId,
    scopes: accessToken.scopes,
  };
}

/**
 * The legacy v1 endpoint also reads parameters from the query string; v3 and 2026-03 read the
 * form body only, so a client putting secrets in the URL fails there as it would on HubSpot.
 */
async function tokenParams(ctx: RequestContext, bodyOnly: boolean): Promise<URLSearchParams> {
  const form = await readForm(ctx.req);
  if (bodyOnly) return form;
  const merged = new URLSearchParams(ctx.url.searchParams);
  for (const [name, value] of form) merged.set(name, value);
  return merged;
}

function tokenHandler(bodyOnly: boolean) {
  return async (ctx: RequestContext): Promise<void> => {
    const form = await tokenParams(ctx, bodyOnly);
    const { state: sim } = ctx;
    const grantType = form.get("grant_type");
    if (grantType !== "authorization_code" && grantType !== "refresh_token") {
      return sendTokenError(ctx.res, "BAD_GRANT_TYPE");
    }
    ctx.note.grantType = grantType;
    const clientError = checkClientCredentials(form, sim.config);
    if (clientError) return sendTokenError(ctx.res, clientError);

    // Faults scoped to a portal or grant type are decided here, before a code is used up.
    const portalId =
      grantType === "authorization_code"
        ? sim.tokens.peekCode(form.get("code") ?? "")?.portalId
        : sim.tokens.findRefreshToken(form.get("refresh_token") ?? "")?.portalId;
    if (scopedFault(ctx, { portalId, grantType })) return;

    if (grantType === "authorization_code") {
      const code = sim.tokens.takeCode(form.get("code") ?? "");
      if (!code || code.clientId !== sim.config.clientId) return sendTokenError(ctx.res, "BAD_AUTH_CODE");
      if (code.redirectUri !== form.get("redirect_uri")) return sendTokenError(ctx.res, "BAD_REDIRECT_URI");
      ctx.note.portalId = code.portalId;
      sim.uninstalledPortals.delete(code.portalId);
      const refreshToken = sim.tokens.issueRefreshToken(grantOf(code));
      const accessToken = sim.tokens.issueAccessToken(refreshToken, sim.config.accessTokenTtlSeconds);
      return sendJson(ctx.res, 200, tokenResponse(accessToken, refreshToken));
    }

    const current = sim.tokens.findRefreshToken(form.get("refresh_token") ?? "");
    if (!current || current.clientId !== sim.config.clientId) return sendTokenError(ctx.res, "BAD_REFRESH_TOKEN");
    ctx.note.portalId = current.portalId;
    let refreshToken = current;
    if (sim.config.rotateRefreshTokens) {
      refreshToken = sim.tokens.issueRefreshToken(grantOf(current));
      sim.tokens.retireRefreshToken(current.token);
    }
    const accessToken = sim.tokens.issueAccessToken(refreshToken, sim.config.accessTokenTtlSeconds);
    sendJson(ctx.res, 200, tokenResponse(accessToken, refreshToken));
  };
}

// POST /oauth/v1/token — deprecated endpoint the SDK still calls; form body (query string tolerated).
export const exchangeTokenV1 = tokenHandler(false);
// POST /oauth/v3/token and /oauth/2026-03/token — form body only.
export const exchangeTokenV3 = tokenHandler(true);
