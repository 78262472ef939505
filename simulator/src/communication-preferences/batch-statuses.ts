import type { RequestContext } from "../http/context";
import { authorizeCrmCall, sendCrm, type CrmCaller } from "../crm/authorize-call";
import { validationError } from "../crm/crm-errors";
import { readCrmBody } from "../crm/read-crm-body";
import { MAX_BATCH_INPUTS } from "../crm/request-schemas";
import { changeStatus, statusesOf, unsubscribeFromAll } from "./status-changes";
import { API_SOURCE } from "./statuses";
import { actionResponse, batchEmailsSchema, batchWriteSchema, publicStatus, wideStatus } from "./status-json";
import { channelProblem, emailProblem, statusWriteProblem } from "./write-checks";

// The batch status endpoints. Their scopes come with Marketing Hub Enterprise only, so a token
// without them gets 403 MISSING_SCOPES. Per-input problems (a bad address, an unknown type)
// answer 207 with `numErrors` and `errors[]`, the rest is applied.

type InputError = { id: string; message: string };

function sendBatch(ctx: RequestContext, caller: CrmCaller, results: unknown[], errors: InputError[], startedAt: string): void {
  const body = actionResponse(results, startedAt);
  if (errors.length === 0) return sendCrm(ctx, caller, 200, body);
  sendCrm(ctx, caller, 207, {
    ...body,
    numErrors: errors.length,
    errors: errors.map((error) => ({
      status: "error",
      category: "VALIDATION_ERROR",
      message: error.message,
      context: { ids: [error.id] },
    })),
  });
}

async function readEmails(ctx: RequestContext, caller: CrmCaller, needsChannel: boolean): Promise<string[] | null> {
  const problem = needsChannel ? channelProblem(ctx.url.searchParams.get("channel")) : null;
  const body = await readCrmBody(ctx, caller, batchEmailsSchema);
  if (!body) return null;
  if (problem || body.inputs.length > MAX_BATCH_INPUTS) {
    sendCrm(ctx, caller, 400, validationError(problem ?? `Batch input limit exceeded: at most ${MAX_BATCH_INPUTS} inputs`));
    return null;
  }
  return body.inputs;
}

/** Splits addresses into valid ones and per-input errors. */
function partition(emails: string[]): { valid: string[]; errors: InputError[] } {
  const errors = emails.flatMap((email) => {
    const message = emailProblem(email);
    return message ? [{ id: email, message }] : [];
  });
  return { valid: emails.filter((email) => emailProblem(email) === null), errors };
}

/** The shape of the batch endpoints that take addresses: scope, addresses, per-address result or error. */
async function emailBatch(
  ctx: RequestContext,
  scope: "batchRead" | "batchWrite",
  resultOf: (email: string, caller: CrmCaller) => unknown,
): Promise<void> {
  const caller = authorizeCrmCall(ctx, ctx.state.config.communicationPreferencesScopes[scope]);
  if (!caller) return;
  const emails = await readEmails(ctx, caller, true);
  if (!emails) return;
  const startedAt = new Date().toISOString();
  const { valid, errors } = partition(emails);
  sendBatch(
    ctx,
    caller,
    valid.map((email) => resultOf(email, caller)),
    errors,
    startedAt,
  );
}

// POST …/statuses/batch/read?channel=EMAIL {inputs: [emails]}
export function batchReadStatuses(ctx: RequestContext): Promise<void> {
  return emailBatch(ctx, "batchRead", (email, caller) => ({
    subscriberIdString: email.toLowerCase(),
    statuses: statusesOf(ctx.state, caller.portalId, email).map((status) => publicStatus(email, status)),
  }));
}

// POST …/statuses/batch/write {inputs: [{subscriberIdString, subscriptionId, statusState, channel, legalBasis?, …}]}
export async function batchWriteStatuses(ctx: RequestContext): Promise<void> {
  const caller = authorizeCrmCall(ctx, ctx.state.config.communicationPreferencesScopes.batchWrite);
  if (!caller) return;
  const body = await readCrmBody(ctx, caller, batchWriteSchema);
  if (!body) return;
  const portal = ctx.state.portal(caller.portalId);
  if (!portal) return sendCrm(ctx, caller, 400, validationError(`unknown portal ${caller.portalId}`));
  if (body.inputs.length > MAX_BATCH_INPUTS) {
    return sendCrm(ctx, caller, 400, validationError(`Batch input limit exceeded: at most ${MAX_BATCH_INPUTS} inputs`));
  }
  const startedAt = new Date().toISOString();
  const results: unknown[] = [];
  const errors: InputError[] = [];
  for (const input of body.inputs) {
    const problem = statusWriteProblem(ctx.state, portal, input.subscriberIdString, input);
    if (problem) {
      errors.push({ id: input.subscriberIdString, message: problem });
      continue;
    }
    const changed = changeStatus(ctx.state, portal.id, {
      email: input.subscriberIdString,
      subscriptionId: input.subscriptionId,
      state: input.statusState,
      source: API_SOURCE,
      legalBasis: input.legalBasis,
      legalBasisExplanation: input.legalBasisExplanation,
    });
    results.push(publicStatus(input.subscriberIdString, changed));
  }
  sendBatch(ctx, caller, results, errors, startedAt);
}

// POST …/statuses/batch/unsubscribe-all?channel=EMAIL&verbose=true {inputs: [emails]}
export function batchUnsubscribeAll(ctx: RequestContext): Promise<void> {
  const verbose = ctx.url.searchParams.get("verbose") === "true";
  return emailBatch(ctx, "batchWrite", (email, caller) => {
    const statuses = unsubscribeFromAll(ctx.state, caller.portalId, email, API_SOURCE);
    return { subscriberIdString: email.toLowerCase(), statuses: verbose ? statuses.map((status) => publicStatus(email, status)) : [] };
  });
}

// POST …/statuses/batch/unsubscribe-all/read?channel=EMAIL {inputs: [emails]}
export function batchReadUnsubscribeAll(ctx: RequestContext): Promise<void> {
  return emailBatch(ctx, "batchRead", (email, caller) => ({
    subscriberIdString: email.toLowerCase(),
    wideStatuses: [wideStatus(email, ctx.state.subscriptions.unsubscribedFromAll(caller.portalId, email))],
  }));
}
