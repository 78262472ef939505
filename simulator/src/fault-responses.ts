import { randomUUID } from "node:crypto";
import type { FaultAction, FaultScope, FaultStatus } from "./faults";
import type { RequestContext } from "./http/context";
import { sendJson } from "./http/respond";
import { invalidAuthentication, rateLimited } from "./crm/crm-errors";
import { tokenErrorBody } from "./oauth/token-errors";

// How an injected fault answers: with the body HubSpot gives for that status on that kind of path,
// so a client's error handling sees what it would see for real. A 400 on a token call is
// invalid_grant (BAD_REFRESH_TOKEN, or BAD_AUTH_CODE for a code exchange); a 403 is *not* a
// MISSING_SCOPES one (HUBSPOT-2026-03.md §0: retry it with backoff, don't refresh).

const MESSAGES: Record<FaultStatus, { category: string; message: string }> = {
  400: { category: "VALIDATION_ERROR", message: "Invalid input (simulated fault)" },
  401: { category: "INVALID_AUTHENTICATION", message: "" },
  403: { category: "FORBIDDEN", message: "This request is not allowed for this account right now (simulated fault)" },
  404: { category: "OBJECT_NOT_FOUND", message: "resource not found" },
  423: { category: "INTERNAL_ERROR", message: "Locked" },
  429: { category: "RATE_LIMIT", message: "" },
  500: { category: "INTERNAL_ERROR", message: "internal error" },
  502: { category: "INTERNAL_ERROR", message: "Bad Gateway" },
  503: { category: "INTERNAL_ERROR", message: "Service Unavailable" },
  504: { category: "INTERNAL_ERROR", message: "Gateway Timeout" },
};

const TOKEN_PATH = /^\/oauth\/(v1|v3|2026-03)\/token\/?$/;

function faultBody(status: FaultStatus, pathname: string, grantType: string | undefined): unknown {
  if (status === 400 && TOKEN_PATH.test(pathname))
    return tokenErrorBody(grantType === "authorization_code" ? "BAD_AUTH_CODE" : "BAD_REFRESH_TOKEN");
  if (status === 401) return invalidAuthentication();
  if (status === 429) return rateLimited("TEN_SECONDLY_ROLLING");
  const { category, message } = MESSAGES[status];
  return { status: "error", message, correlationId: randomUUID(), category };
}

/** Answers the request with the fault (or leaves it hanging); false when there is no fault. */
export function answerWithFault(ctx: RequestContext, action: FaultAction, grantType?: string): boolean {
  if (!action) return false;
  if ("hang" in action) {
    ctx.req.resume();
    ctx.state.hanging.add(ctx.res);
    ctx.res.on("close", () => ctx.state.hanging.delete(ctx.res));
    return true;
  }
  sendJson(ctx.res, action.status, faultBody(action.status, ctx.url.pathname, grantType));
  return true;
}

/** The late decision, once the request's portal and/or grant type are known. */
export function scopedFault(ctx: RequestContext, scope: FaultScope): boolean {
  return answerWithFault(ctx, ctx.state.faults.pick(ctx.url.pathname, scope), scope.grantType);
}
