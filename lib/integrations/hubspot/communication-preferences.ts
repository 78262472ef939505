// HubSpot's communication preferences (2026-03, HUBSPOT-2026-03.md §0 and §4). A subscribe call
// DOES resubscribe someone who opted out, so the sync reads first (the type's status and the
// unsubscribe-from-all status) and writes nothing for an opted-out contact. Single-contact calls
// cost one request each; the batch reads need Marketing Hub Enterprise scopes.
import { z } from "zod";
import type { ConsentReply, SubscriptionReading, SubscriptionType } from "../consent-calls";
import { hubspotPaths } from "./api-paths";
import type { HubspotConfig } from "./config";
import { exchange, failed, unexpectedShape } from "./consent-failure";

export const SUBSCRIPTION_SCOPE = "communication_preferences.read_write";
export const BATCH_STATUS_READ_SCOPE = "communication_preferences.statuses.batch.read";
// HubSpot's legal basis for someone who ticked a box next to a notice.
export const CONSENT_LEGAL_BASIS = "CONSENT_WITH_NOTICE";
// HubSpot does not document the longest legalBasisExplanation it accepts; where the consent text is
// edited it should be refused beyond this, so the exact text always goes out (never cut here).
export const MAX_CONSENT_EXPLANATION = 1_000;

const definitionsSchema = z.object({
  results: z.array(
    z.looseObject({
      id: z.union([z.string(), z.number()]).transform(String),
      name: z.string(),
      description: z.string().nullish(),
      isActive: z.boolean().nullish(),
      isInternal: z.boolean().nullish(),
      communicationMethod: z.string().nullish(),
    }),
  ),
});

const statusSchema = z.looseObject({
  subscriptionId: z.union([z.string(), z.number()]).transform(String).nullish(),
  status: z.string(),
  subscriberIdString: z.string().nullish(),
});
const statusesSchema = z.object({ results: z.array(statusSchema) });
// The unsubscribe-all batch read names its list `wideStatuses`; the type batch read `statuses`.
const batchStatusesSchema = z.object({
  results: z.array(
    z
      .looseObject({
        subscriberIdString: z.string(),
        statuses: z.array(statusSchema).nullish(),
        wideStatuses: z.array(statusSchema).nullish(),
      })
      .transform((result) => ({ subscriberIdString: result.subscriberIdString, statuses: result.statuses ?? result.wideStatuses ?? [] })),
  ),
});

export async function listSubscriptionTypes(config: HubspotConfig, accessToken: string): Promise<ConsentReply<SubscriptionType[]>> {
  const answer = await exchange(
    config,
    { method: "GET", path: hubspotPaths.subscriptionDefinitions, accessToken },
    "listing subscription types",
  );
  if (!answer.ok) return failed(answer.failure, 1, answer.reply);
  const parsed = definitionsSchema.safeParse(answer.reply.body);
  if (!parsed.success) return unexpectedShape("the subscription types", 1, answer.reply);
  // Only types a newsletter can use: active, not HubSpot's internal ones, email (when it says).
  const value = parsed.data.results
    .filter(
      (type) => type.isActive !== false && type.isInternal !== true && (type.communicationMethod ?? "EMAIL").toUpperCase() === "EMAIL",
    )
    .map((type) => ({ id: type.id, name: type.name, description: type.description ?? "" }));
  return { ok: true, value, calls: 1, rateLimit: answer.reply.rateLimit };
}

export async function readSubscription(
  config: HubspotConfig,
  accessToken: string,
  email: string,
  subscriptionId: string,
): Promise<ConsentReply<SubscriptionReading>> {
  const query = { channel: "EMAIL" };
  const typeAnswer = await exchange(
    config,
    { method: "GET", path: hubspotPaths.subscriptionStatuses(email), accessToken, query },
    "reading a subscription status",
  );
  if (!typeAnswer.ok) return failed(typeAnswer.failure, 1, typeAnswer.reply);
  const statuses = statusesSchema.safeParse(typeAnswer.reply.body);
  if (!statuses.success) return unexpectedShape("the subscription statuses", 1, typeAnswer.reply);
  const allAnswer = await exchange(
    config,
    { method: "GET", path: hubspotPaths.unsubscribeAllStatus(email), accessToken, query },
    "reading the unsubscribe-all status",
  );
  if (!allAnswer.ok) return failed(allAnswer.failure, 2, allAnswer.reply);
  const wide = statusesSchema.safeParse(allAnswer.reply.body);
  if (!wide.success) return unexpectedShape("the unsubscribe-all status", 2, allAnswer.reply);
  return {
    ok: true,
    value: reading(statuses.data.results, wide.data.results, subscriptionId),
    calls: 2,
    rateLimit: allAnswer.reply.rateLimit ?? typeAnswer.reply.rateLimit,
  };
}

/** One call for many contacts' type statuses and one for their unsubscribe-all statuses. */
export async function readSubscriptionsBatch(
  config: HubspotConfig,
  accessToken: string,
  emails: readonly string[],
  subscriptionId: string,
): Promise<ConsentReply<Map<string, SubscriptionReading>>> {
  const request = { method: "POST" as const, accessToken, query: { channel: "EMAIL" }, json: { inputs: emails } };
  const typeAnswer = await exchange(
    config,
    { ...request, path: hubspotPaths.subscriptionStatusesBatchRead },
    "reading subscription statuses (batch)",
  );
  if (!typeAnswer.ok) return failed(typeAnswer.failure, 1, typeAnswer.reply);
  const types = batchStatusesSchema.safeParse(typeAnswer.reply.body);
  if (!types.success) return unexpectedShape("the batch status read", 1, typeAnswer.reply);
  const allAnswer = await exchange(
    config,
    { ...request, path: hubspotPaths.unsubscribeAllBatchRead },
    "reading unsubscribe-all statuses (batch)",
  );
  if (!allAnswer.ok) return failed(allAnswer.failure, 2, allAnswer.reply);
  const wide = batchStatusesSchema.safeParse(allAnswer.reply.body);
  if (!wide.success) return unexpectedShape("the batch unsubscribe-all read", 2, allAnswer.reply);
  const wideByEmail = new Map(wide.data.results.map((result) => [result.subscriberIdString.toLowerCase(), result.statuses]));
  const value = new Map<string, SubscriptionReading>();
  for (const result of types.data.results) {
    const key = result.subscriberIdString.toLowerCase();
    value.set(key, reading(result.statuses, wideByEmail.get(key) ?? [], subscriptionId));
  }
  return { ok: true, value, calls: 2, rateLimit: allAnswer.reply.rateLimit };
}

export function subscribe(
  config: HubspotConfig,
  accessToken: string,
  email: string,
  subscriptionId: string,
  consentText: string,
): Promise<ConsentReply<void>> {
  return setStatus(config, accessToken, email, subscriptionId, "SUBSCRIBED", consentText);
}

/** A portal with data-privacy settings on wants a legal basis with every status write, unsubscribes too. */
export function unsubscribe(
  config: HubspotConfig,
  accessToken: string,
  email: string,
  subscriptionId: string,
  reason: string,
): Promise<ConsentReply<void>> {
  return setStatus(config, accessToken, email, subscriptionId, "UNSUBSCRIBED", reason);
}

async function setStatus(
  config: HubspotConfig,
  accessToken: string,
  email: string,
  subscriptionId: string,
  statusState: "SUBSCRIBED" | "UNSUBSCRIBED",
  explanation: string,
): Promise<ConsentReply<void>> {
  const json = {
    subscriptionId: Number(subscriptionId),
    statusState,
    channel: "EMAIL",
    legalBasis: CONSENT_LEGAL_BASIS,
    legalBasisExplanation: explanation,
  };
  const operation = statusState === "SUBSCRIBED" ? "subscribing the contact" : "unsubscribing the contact";
  const answer = await exchange(config, { method: "POST", path: hubspotPaths.subscriptionStatuses(email), accessToken, json }, operation);
  if (!answer.ok) return failed(answer.failure, 1, answer.reply);
  return { ok: true, value: undefined, calls: 1, rateLimit: answer.reply.rateLimit };
}

function reading(
  typeStatuses: z.infer<typeof statusSchema>[],
  wideStatuses: z.infer<typeof statusSchema>[],
  subscriptionId: string,
): SubscriptionReading {
  const own = typeStatuses.find((status) => status.subscriptionId === subscriptionId)?.status;
  const typeStatus = own === "SUBSCRIBED" || own === "UNSUBSCRIBED" ? own : "NOT_SPECIFIED";
  return { typeStatus, unsubscribedFromAll: wideStatuses.some((status) => status.status === "UNSUBSCRIBED") };
}
