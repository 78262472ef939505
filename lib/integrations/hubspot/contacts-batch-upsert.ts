// Batch upsert by email on /crm/objects/2026-03/contacts/batch/upsert, as HubSpot documents it:
// no partial upserts by email, so one invalid address (400 VALIDATION_ERROR) or one address that
// is another contact's additional email (409 CONFLICT / OBJECT_ALREADY_EXISTS) fails the whole
// batch. Whether a bad address can come back as a 207 instead is undocumented: both are handled.
// Results are matched by our objectWriteTraceId; the (lowercased) email is only a fallback.
import { z } from "zod";
import type { ContactUpsertInput, ContactUpsertOutcome, ContactUpsertReply } from "../contact-upsert";
import { hubspotPaths } from "./api-paths";
import type { HubspotConfig } from "./config";
import { classifyReply, classifyTransportError, readableReason, type HubspotFailure } from "./failures";
import { hubspotRequest, type HubspotReply } from "./hubspot-http";

const upsertResponseSchema = z.object({
  results: z.array(
    z.looseObject({
      id: z.string().min(1),
      objectWriteTraceId: z.string().nullish(),
      // Only the address is read (to match a result that lost its trace id); the contact's other
      // properties are HubSpot's business, and checking each of them cost more than the rest of the reply.
      properties: z.looseObject({ email: z.string().nullish() }).nullish(),
    }),
  ),
  errors: z
    .array(
      z.looseObject({
        category: z.string().nullish(),
        message: z.string().nullish(),
        context: z.record(z.string(), z.array(z.string())).nullish(),
      }),
    )
    .nullish(),
});

export function upsertRequestBody(batch: readonly ContactUpsertInput[]) {
  return {
    inputs: batch.map((input) => {
      // Only send what we know: an absent first name must not wipe one HubSpot already has. The
      // mapped fields never name email or firstname (lib/signups/fields), and would not win if they did.
      const properties: Record<string, string> = { ...input.properties, email: input.email };
      if (input.firstName) properties.firstname = input.firstName;
      return { id: input.email, idProperty: "email", objectWriteTraceId: input.traceId, properties };
    }),
  };
}

export async function upsertContactsByEmail(
  config: HubspotConfig,
  accessToken: string,
  batch: readonly ContactUpsertInput[],
): Promise<ContactUpsertReply> {
  const operation = "the contacts batch upsert";
  let reply: HubspotReply;
  try {
    reply = await hubspotRequest(config, {
      method: "POST",
      path: hubspotPaths.contactsBatchUpsert,
      accessToken,
      json: upsertRequestBody(batch),
    });
  } catch (error) {
    return { outcome: fromFailure(classifyTransportError(error, operation)), rateLimit: null, httpStatus: null };
  }
  if (reply.status !== 200 && reply.status !== 201 && reply.status !== 207) {
    const category = (reply.body as { category?: unknown } | null)?.category;
    return {
      outcome: fromFailure(classifyReply(reply, operation)),
      rateLimit: reply.rateLimit,
      httpStatus: reply.status,
      ...(typeof category === "string" && /^[A-Z][A-Z0-9_]{1,60}$/.test(category) ? { errorCategory: category } : {}),
    };
  }
  return { outcome: perInputOutcome(reply.body, batch), rateLimit: reply.rateLimit, httpStatus: reply.status };
}

function perInputOutcome(body: unknown, batch: readonly ContactUpsertInput[]): ContactUpsertOutcome {
  const parsed = upsertResponseSchema.safeParse(body);
  if (!parsed.success) return { kind: "unexpected", reason: "HubSpot answered the batch upsert with an unexpected shape" };
  const traceIds = new Set(batch.map((input) => input.traceId));
  const byEmail = new Map(batch.map((input) => [input.email.trim().toLowerCase(), input.traceId]));
  const synced = new Map<string, string>();
  for (const result of parsed.data.results) {
    const traceId = known(traceIds, result.objectWriteTraceId) ?? byEmail.get(result.properties?.email?.trim().toLowerCase() ?? "");
    if (traceId) synced.set(traceId, result.id);
  }
  const rejected = new Map<string, string>();
  for (const error of parsed.data.errors ?? []) {
    const reason = readableReason(error.message ?? undefined, error.category ?? undefined);
    const fromTrace = (error.context?.objectWriteTraceId ?? []).flatMap((id) => known(traceIds, id) ?? []);
    const fromEmail = (error.context?.ids ?? []).flatMap((email) => byEmail.get(email.trim().toLowerCase()) ?? []);
    for (const traceId of fromTrace.length > 0 ? fromTrace : fromEmail) if (!synced.has(traceId)) rejected.set(traceId, reason);
  }
  return { kind: "answered", synced, rejected };
}

function known(traceIds: Set<string>, traceId: string | null | undefined): string | undefined {
  return traceId && traceIds.has(traceId) ? traceId : undefined;
}

function fromFailure(failure: HubspotFailure): ContactUpsertOutcome {
  switch (failure.kind) {
    case "invalid-data":
      return { kind: "batch-rejected", reason: failure.reason };
    case "rate-limited":
      return failure;
    case "transient":
      return failure;
    case "token-rejected":
      return failure;
    case "missing-scope":
      return failure;
    // A token-endpoint verdict cannot come from the CRM; treat it like any answer we cannot use.
    case "invalid-grant":
    case "unexpected":
      return { kind: "unexpected", reason: failure.reason };
  }
}
