// hs_marketable_status of contacts, by id, in one batch read (≤ 100). HubSpot lets no API write
// it (HUBSPOT-2026-03.md §0): Switchboard only reads it and explains it to the tenant.
import { z } from "zod";
import type { ConsentReply } from "../consent-calls";
import { hubspotPaths } from "./api-paths";
import type { HubspotConfig } from "./config";
import { exchange, failed, unexpectedShape } from "./consent-failure";

export const MARKETABLE_STATUS_PROPERTY = "hs_marketable_status";

const batchReadSchema = z.object({
  results: z.array(z.looseObject({ id: z.string(), properties: z.record(z.string(), z.string().nullable()).nullish() })),
});

export async function readMarketingStatus(config: HubspotConfig, accessToken: string, contactIds: readonly string[]): Promise<ConsentReply<Map<string, boolean>>> {
  const json = { inputs: contactIds.map((id) => ({ id })), properties: [MARKETABLE_STATUS_PROPERTY], propertiesWithHistory: [] };
  const answer = await exchange(config, { method: "POST", path: hubspotPaths.contactsBatchRead, accessToken, json }, "reading marketing-contact statuses");
  if (!answer.ok) return failed(answer.failure, 1, answer.reply);
  const parsed = batchReadSchema.safeParse(answer.reply.body);
  if (!parsed.success) return unexpectedShape("the contacts batch read", 1, answer.reply);
  // HubSpot answers "true"/"false"; a contact missing from the answer (deleted, merged) stays unknown.
  const value = new Map(parsed.data.results.map((contact) => [contact.id, contact.properties?.[MARKETABLE_STATUS_PROPERTY] === "true"]));
  return { ok: true, value, calls: 1, rateLimit: answer.reply.rateLimit };
}
