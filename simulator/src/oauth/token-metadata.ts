import type { RequestContext } from "../http/context";
import { sendEmpty, sendJson } from "../http/respond";
import { accessTokenInfo, liveAccessToken, refreshTokenInfo, tokenNotFoundBody } from "./token-info";

// GET /oauth/v1/access-tokens/:token — who and what an access token is for (hub_id, scopes, expires_in).
export function getAccessTokenMetadata(ctx: RequestContext): void {
  const token = liveAccessToken(ctx.state, ctx.params.token ?? "");
  if (!token) return sendJson(ctx.res, 404, tokenNotFoundBody("access"));
  ctx.note.portalId = token.portalId;
  sendJson(ctx.res, 200, accessTokenInfo(ctx.state, token));
}

// GET /oauth/v1/refresh-tokens/:token — metadata of a refresh token.
export function getRefreshTokenMetadata(ctx: RequestContext): void {
  const token = ctx.state.tokens.findRefreshToken(ctx.params.token ?? "");
  if (!token) return sendJson(ctx.res, 404, tokenNotFoundBody("refresh"));
  ctx.note.portalId = token.portalId;
  sendJson(ctx.res, 200, refreshTokenInfo(token));
}

// DELETE /oauth/v1/refresh-tokens/:token — revoke the grant: 204 with no body (the SDK throws on 200).
export function deleteRefreshToken(ctx: RequestContext): void {
  const token = ctx.state.tokens.findRefreshToken(ctx.params.token ?? "");
  if (!token) return sendJson(ctx.res, 404, tokenNotFoundBody("refresh"));
  ctx.note.portalId = token.portalId;
  ctx.state.tokens.revokeRefreshToken(token.token);
  sendEmpty(ctx.res, 204);
}
