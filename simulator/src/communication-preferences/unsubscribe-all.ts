import type { RequestContext } from "../http/context";
import { authorizeCrmCall, sendCrm } from "../crm/authorize-call";
import { validationError } from "../crm/crm-errors";
import { unsubscribeFromAll } from "./status-changes";
import { API_SOURCE } from "./statuses";
import { actionResponse, publicStatus, wideStatus } from "./status-json";
import { channelProblem, emailProblem } from "./write-checks";

function checkedEmail(ctx: RequestContext): string | { problem: string } {
  const email = ctx.params.email ?? "";
  const problem = emailProblem(email) ?? channelProblem(ctx.url.searchParams.get("channel"));
  return problem ? { problem } : email;
}

// GET /communication-preferences/2026-03/statuses/:email/unsubscribe-all?channel=EMAIL — the
// portal-wide status: results [{wideStatusType: "PORTAL_WIDE", status: SUBSCRIBED|UNSUBSCRIBED, …}].
export function getUnsubscribeAll(ctx: RequestContext): void {
  const caller = authorizeCrmCall(ctx, ctx.state.config.communicationPreferencesScopes.read);
  if (!caller) return;
  const email = checkedEmail(ctx);
  if (typeof email !== "string") return sendCrm(ctx, caller, 400, validationError(email.problem));
  const startedAt = new Date().toISOString();
  const unsubscribed = ctx.state.subscriptions.unsubscribedFromAll(caller.portalId, email);
  sendCrm(ctx, caller, 200, actionResponse([wideStatus(email, unsubscribed)], startedAt));
}

// POST /communication-preferences/2026-03/statuses/:email/unsubscribe-all?channel=EMAIL&verbose=true —
// opts out of all email; only with verbose=true does `results` list the statuses it changed.
export function postUnsubscribeAll(ctx: RequestContext): void {
  const caller = authorizeCrmCall(ctx, ctx.state.config.communicationPreferencesScopes.write);
  if (!caller) return;
  const email = checkedEmail(ctx);
  if (typeof email !== "string") return sendCrm(ctx, caller, 400, validationError(email.problem));
  const startedAt = new Date().toISOString();
  const statuses = unsubscribeFromAll(ctx.state, caller.portalId, email, API_SOURCE);
  const verbose = ctx.url.searchParams.get("verbose") === "true";
  sendCrm(ctx, caller, 200, actionResponse(verbose ? statuses.map((status) => publicStatus(email, status)) : [], startedAt));
}
