import type { RequestContext } from "../http/context";
import { authorizeCrmCall, sendCrm } from "../crm/authorize-call";
import { validationError } from "../crm/crm-errors";
import { readCrmBody } from "../crm/read-crm-body";
import { changeStatus, statusesOf } from "./status-changes";
import { actionResponse, publicStatus, statusWriteSchema } from "./status-json";
import { channelProblem, emailProblem, statusWriteProblem } from "./write-checks";

export const API_SOURCE = "Public status API";

// GET /communication-preferences/2026-03/statuses/:email?channel=EMAIL — every active type's status.
export function getStatuses(ctx: RequestContext): void {
  const caller = authorizeCrmCall(ctx, ctx.state.config.communicationPreferencesScopes.read);
  if (!caller) return;
  const email = ctx.params.email ?? "";
  const problem = emailProblem(email) ?? channelProblem(ctx.url.searchParams.get("channel"));
  if (problem) return sendCrm(ctx, caller, 400, validationError(problem));
  const startedAt = new Date().toISOString();
  const results = statusesOf(ctx.state, caller.portalId, email).map((status) => publicStatus(email, status));
  sendCrm(ctx, caller, 200, actionResponse(results, startedAt));
}

// POST /communication-preferences/2026-03/statuses/:email — set one type's status; resubscribes too.
export async function postStatus(ctx: RequestContext): Promise<void> {
  const caller = authorizeCrmCall(ctx, ctx.state.config.communicationPreferencesScopes.write);
  if (!caller) return;
  const write = await readCrmBody(ctx, caller, statusWriteSchema);
  if (!write) return;
  const email = ctx.params.email ?? "";
  const portal = ctx.state.portal(caller.portalId);
  if (!portal) return sendCrm(ctx, caller, 400, validationError(`unknown portal ${caller.portalId}`));
  const problem = statusWriteProblem(ctx.state, portal, email, write);
  if (problem) return sendCrm(ctx, caller, 400, validationError(problem));
  const startedAt = new Date().toISOString();
  const changed = changeStatus(ctx.state, portal.id, {
    email,
    subscriptionId: write.subscriptionId,
    state: write.statusState,
    source: API_SOURCE,
    legalBasis: write.legalBasis,
    legalBasisExplanation: write.legalBasisExplanation,
  });
  sendCrm(ctx, caller, 200, actionResponse([publicStatus(email, changed)], startedAt));
}
