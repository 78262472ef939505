import type { RequestContext } from "../http/context";
import { authorizeCrmCall, sendCrm, type CrmCaller } from "./authorize-call";
import { contactJson } from "./contact-json";
import { checkProperties, invalidEmailProblem, isValidEmail } from "./contact-properties";
import { additionalEmailConflict, contactConflict, propertyValuesMessage, validationError } from "./crm-errors";
import { readCrmBody } from "./read-crm-body";
import { batchCreateSchema, batchUpsertSchema, MAX_BATCH_INPUTS } from "./request-schemas";

const WRITE = "crm.objects.contacts.write";

function tooManyInputs(ctx: RequestContext, caller: CrmCaller, count: number): boolean {
  if (count <= MAX_BATCH_INPUTS) return false;
  sendCrm(ctx, caller, 400, validationError(`Batch input limit exceeded: ${count} inputs were sent, the maximum is ${MAX_BATCH_INPUTS}.`));
  return true;
}

// POST /crm/v3/objects/contacts/batch/create — all or nothing: one bad or duplicate input fails the batch.
export async function batchCreateContacts(ctx: RequestContext): Promise<void> {
  const caller = authorizeCrmCall(ctx, WRITE);
  if (!caller) return;
  const body = await readCrmBody(ctx, caller, batchCreateSchema);
  if (!body || tooManyInputs(ctx, caller, body.inputs.length)) return;
  const startedAt = new Date().toISOString();
  const store = ctx.state.contacts;
  const checkedInputs: Record<string, string>[] = [];
  const seen = new Set<string>();
  for (const input of body.inputs) {
    const checked = checkProperties(input.properties, ctx.state.properties.lookup(caller.portalId));
    if (!checked.ok) return sendCrm(ctx, caller, 400, validationError(propertyValuesMessage(checked.problems)));
    const email = checked.properties.email?.trim().toLowerCase();
    if (email) {
      const existing = store.findByEmail(caller.portalId, email);
      if (existing) return sendCrm(ctx, caller, 409, contactConflict(existing.id));
      if (seen.has(email)) return sendCrm(ctx, caller, 400, validationError(`Duplicate emails found in batch input: [${email}]`));
      seen.add(email);
    }
    checkedInputs.push(checked.properties);
  }
  const results = checkedInputs.map((properties) =>
    contactJson(store.create(caller.portalId, properties, ctx.state.createsMarketingContacts(caller.portalId)), "all"),
  );
  sendCrm(ctx, caller, 201, { status: "COMPLETE", results, startedAt, completedAt: new Date().toISOString() });
}

type UpsertInput = { id: string; properties: Record<string, unknown>; objectWriteTraceId?: string | undefined };
type InputVerdict = { ok: true; properties: Record<string, string> } | { ok: false; status: 400 | 409; error: Record<string, unknown> };

/** Is this input writable? Invalid values → 400; another contact's additional email → 409. */
function judgeInput(ctx: RequestContext, portalId: number, input: UpsertInput): InputVerdict {
  const checked = checkProperties({ ...input.properties, email: input.id }, ctx.state.properties.lookup(portalId));
  if (!checked.ok || !isValidEmail(input.id)) {
    const problems = checked.ok ? [invalidEmailProblem(input.id)] : checked.problems;
    return { ok: false, status: 400, error: validationError(propertyValuesMessage(problems)) };
  }
  const store = ctx.state.contacts;
  const owner = store.findByEmail(portalId, input.id) ? undefined : store.findByAdditionalEmail(portalId, input.id);
  if (owner) return { ok: false, status: 409, error: additionalEmailConflict(input.id.trim().toLowerCase(), owner.id) };
  return { ok: true, properties: checked.properties };
}

// POST /crm/{v3/objects|objects/2026-03}/contacts/batch/upsert — by email. HubSpot: "Partial upserts
// are not supported when using email as the idProperty", so by default one invalid input fails
// the whole batch (400) and one address owned by another contact as an additional email fails it
// with 409, writing nothing; upsertFailureMode "multi-status" answers 207 with per-input errors.
export async function batchUpsertContacts(ctx: RequestContext): Promise<void> {
  const caller = authorizeCrmCall(ctx, WRITE);
  if (!caller) return;
  const body = await readCrmBody(ctx, caller, batchUpsertSchema);
  if (!body || tooManyInputs(ctx, caller, body.inputs.length)) return;
  const startedAt = new Date().toISOString();
  const unsupported = body.inputs.find((input) => input.idProperty !== "email");
  if (unsupported) {
    return sendCrm(
      ctx,
      caller,
      400,
      validationError(
        `idProperty must be "email" (got ${JSON.stringify(unsupported.idProperty ?? null)}); the simulator upserts contacts by email only`,
      ),
    );
  }
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const input of body.inputs) {
    const id = input.id.trim().toLowerCase();
    if (seen.has(id)) duplicates.add(id);
    seen.add(id);
  }
  if (duplicates.size > 0) {
    return sendCrm(
      ctx,
      caller,
      400,
      validationError(`Duplicate IDs found in batch input: [${[...duplicates].join(", ")}]. IDs must be unique`),
    );
  }

  const verdicts = body.inputs.map((input) => ({ input, verdict: judgeInput(ctx, caller.portalId, input) }));
  const wholeBatch = ctx.state.config.upsertFailureMode === "whole-batch";
  if (wholeBatch) {
    // Validation is reported before conflicts, as HubSpot checks values before identities.
    const refused = verdicts.find(({ verdict }) => !verdict.ok && verdict.status === 400) ?? verdicts.find(({ verdict }) => !verdict.ok);
    if (refused && !refused.verdict.ok) return sendCrm(ctx, caller, refused.verdict.status, refused.verdict.error);
  }

  const store = ctx.state.contacts;
  const results: unknown[] = [];
  const errors: unknown[] = [];
  for (const { input, verdict } of verdicts) {
    const trace = input.objectWriteTraceId === undefined ? {} : { objectWriteTraceId: input.objectWriteTraceId };
    if (!verdict.ok) {
      // HubSpot's StandardError shape, naming the input by its trace id when it has one.
      const context = input.objectWriteTraceId === undefined ? { ids: [input.id] } : { objectWriteTraceId: [input.objectWriteTraceId] };
      // Per-item errors carry no correlationId of their own (HubSpot's StandardError).
      const error = Object.fromEntries(Object.entries(verdict.error).filter(([key]) => key !== "correlationId"));
      errors.push({ ...error, context, errors: error.errors ?? [], links: {} });
      continue;
    }
    const existing = store.findByEmail(caller.portalId, input.id);
    const contact = existing
      ? store.update(caller.portalId, existing, verdict.properties)
      : store.create(caller.portalId, verdict.properties, ctx.state.createsMarketingContacts(caller.portalId));
    results.push({ ...contactJson(contact, "all"), new: !existing, ...trace });
  }
  const completedAt = new Date().toISOString();
  if (errors.length === 0) return sendCrm(ctx, caller, 200, { status: "COMPLETE", results, startedAt, completedAt });
  sendCrm(ctx, caller, 207, { status: "COMPLETE", results, numErrors: errors.length, errors, startedAt, completedAt });
}
