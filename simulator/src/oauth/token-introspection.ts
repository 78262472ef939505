import type { RequestContext } from "../http/context";
import { readForm } from "../http/read-body";
import { sendEmpty, sendJson } from "../http/respond";
import { checkClientCredentials } from "./client-credentials";
import { sendTokenError } from "./token-errors";
import { accessTokenInfo, liveAccessToken, refreshTokenInfo } from "./token-info";

/**
 * The spec and HubSpot's SDK send the token as `token`; the introspection guide names the field
 * `access_token` or `refresh_token`. Introspection accepts all three; revocation only `token`.
 */
async function authenticatedTokenForm(ctx: RequestContext, fieldNames: readonly string[]): Promise<string | null> {
  const form = await readForm(ctx.req);
  const clientError = checkClientCredentials(form, ctx.state.config);
  if (clientError) {
    sendTokenError(ctx.res, clientError);
    return null;
  }
  const token = fieldNames.map((name) => form.get(name)).find((value) => value);
  if (!token) {
    sendTokenError(ctx.res, "BAD_REQUEST");
    return null;
  }
  return token;
}

// POST /oauth/v3/token/introspect (and /oauth/2026-03/…) — RFC 7662 style: 200 with active true|false.
export async function introspectToken(ctx: RequestContext): Promise<void> {
  const token = await authenticatedTokenForm(ctx, ["token", "access_token", "refresh_token"]);
  if (token === null) return;
  const sim = ctx.state;
  const access = liveAccessToken(sim, token);
  if (access) {
    ctx.note.portalId = access.portalId;
    return sendJson(ctx.res, 200, {
      active: true,
      client_id: access.clientId,
      token_use: "access_token",
      ...accessTokenInfo(sim, access),
    });
  }
  const refresh = sim.tokens.findRefreshToken(token);
  if (refresh) {
    ctx.note.portalId = refresh.portalId;
    return sendJson(ctx.res, 200, {
      active: true,
      token_use: "refresh_token",
      app_id: sim.config.appId,
      ...refreshTokenInfo(refresh),
    });
  }
  sendJson(ctx.res, 200, { active: false });
}

// POST /oauth/v3/token/revoke (and /oauth/2026-03/…) — 204 empty, also for unknown tokens (RFC 7009).
export async function revokeToken(ctx: RequestContext): Promise<void> {
  const token = await authenticatedTokenForm(ctx, ["token"]);
  if (token === null) return;
  const sim = ctx.state;
  // A refresh token stands for the whole grant; an access token only for itself.
  if (!sim.tokens.revokeRefreshToken(token)) sim.tokens.revokeAccessToken(token);
  sendEmpty(ctx.res, 204);
}
