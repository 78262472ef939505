// hs_marketable_status of contacts, by id, in one search (≤ 100 ids, hs_object_id IN …). HubSpot lets
// no API write it (HUBSPOT-2026-03.md §0): Switchboard only reads it and explains it to the tenant.
// Search rather than batch read: it has its own limit outside the 10-second budget (§2), and the
// caller still takes a budget slot for it, which errs on the safe side.
import { z } from "zod";
import type { ConsentReply } from "../consent-calls";
import { hubspotPaths } from "./api-paths";
import type { HubspotConfig } from "./config";
import { exchange, failed, unexpectedShape } from "./consent-failure";

export const MARKETABLE_STATUS_PROPERTY = "hs_marketable_status";

const searchSchema = z.object({
  results: z.array(z.looseObject({ id: z.string(), properties: z.record(z.string(), z.string().nullable()).nullish() })),
});

export async function readMarketingStatus(
  config: HubspotConfig,
  accessToken: string,
  contactIds: readonly string[],
): Promise<ConsentReply<Map<string, boolean>>> {
  const json = {
    filterGroups: [{ filters: [{ propertyName: "hs_object_id", operator: "IN", values: [...contactIds] }] }],
    properties: [MARKETABLE_STATUS_PROPERTY],
    limit: 100,
  };
  const answer = await exchange(
    config,
    { method: "POST", path: hubspotPaths.contactsSearch, accessToken, json },
    "reading marketing-contact statuses",
  );
  if (!answer.ok) return failed(answer.failure, 1, answer.reply);
  const parsed = searchSchema.safeParse(answer.reply.body);
  if (!parsed.success) return unexpectedShape("the contacts search", 1, answer.reply);
  // HubSpot answers "true"/"false"; a contact missing from the answer (deleted, merged) stays unknown.
  const value = new Map(parsed.data.results.map((contact) => [contact.id, contact.properties?.[MARKETABLE_STATUS_PROPERTY] === "true"]));
  return { ok: true, value, calls: 1, rateLimit: answer.reply.rateLimit };
}
