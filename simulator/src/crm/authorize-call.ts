import { scopedFault } from "../fault-responses";
import type { RequestContext } from "../http/context";
import { sendJson } from "../http/respond";
import { rateLimitHeaders } from "../rate-limit";
import { expiredAuthentication, invalidAuthentication, missingScopes, rateLimited } from "./crm-errors";

// Gatekeeper for every CRM call, in HubSpot's order: who is calling (401), are they over
// their portal's limit (429), may this token do this (403). Rate-limit headers ride on every
// response from then on, errors included.

export interface CrmCaller {
  portalId: number;
  /** The token's granted scopes, for calls that need several (lists writes need read and write). */
  scopes: readonly string[];
  headers: Record<string, string>;
}

export type LimitPolicy = "general" | "search";

function bearerToken(ctx: RequestContext): string | null {
  const header = ctx.req.headers.authorization ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

/** Returns the caller, or null after having answered the request with the error. */
/** `scope`: the scope the call needs, or a list of which any one will do (HubSpot's requiredGranularScopes); [] = any token. */
export function authorizeCrmCall(
  ctx: RequestContext,
  scope: string | readonly string[],
  policy: LimitPolicy = "general",
): CrmCaller | null {
  const sim = ctx.state;
  const token = sim.tokens.findAccessToken(bearerToken(ctx) ?? "");
  if (!token || token.revoked) {
    sendJson(ctx.res, 401, invalidAuthentication());
    return null;
  }
  if (token.expiresAt <= Date.now()) {
    sendJson(ctx.res, 401, expiredAuthentication(token.expiresAt));
    return null;
  }
  ctx.note.portalId = token.portalId;
  if (scopedFault(ctx, { portalId: token.portalId })) return null;

  const limit = policy === "search" ? sim.config.searchRateLimit : sim.config.rateLimit;
  const decision = sim.rateLimiter.consume(`${policy}:${token.portalId}`, limit);
  const headers = rateLimitHeaders(decision);
  if (decision && !decision.allowed) {
    sendJson(ctx.res, 429, rateLimited(policy === "search" ? "SECONDLY" : (decision.policy ?? "TEN_SECONDLY_ROLLING")), headers);
    return null;
  }
  const accepted = typeof scope === "string" ? [scope] : [...scope];
  if (accepted.length > 0 && !accepted.some((name) => token.scopes.includes(name))) {
    sendJson(ctx.res, 403, missingScopes(accepted), headers);
    return null;
  }
  return { portalId: token.portalId, scopes: token.scopes, headers };
}

export function sendCrm(ctx: RequestContext, caller: CrmCaller, status: number, body: unknown): void {
  sendJson(ctx.res, status, body, caller.headers);
}
