// HubSpot lists 2026-03 (HUBSPOT-2026-03.md §6): the portal's MANUAL (static) contact lists a tenant
// can choose for its newsletter, and adding contacts to one (≤ 100 ids a call). Only MANUAL and
// SNAPSHOT lists take members; DYNAMIC lists compute theirs from filters.
import { z } from "zod";
import type { ConsentReply, ListMembershipResult, StaticList } from "../consent-calls";
import { hubspotPaths } from "./api-paths";
import type { HubspotConfig } from "./config";
import { exchange, failed, unexpectedShape } from "./consent-failure";

export const LISTS_READ_SCOPE = "crm.lists.read";
export const LISTS_WRITE_SCOPE = "crm.lists.write";

const listSearchSchema = z.object({
  lists: z.array(
    z.looseObject({
      listId: z.union([z.string(), z.number()]).transform(String),
      name: z.string(),
      processingType: z.string(),
      objectTypeId: z.string().nullish(),
    }),
  ),
});

// The spec spells it `recordsIdsAdded`; the plain spelling is accepted too.
const membershipSchema = z.looseObject({
  recordsIdsAdded: z.array(z.string()).nullish(),
  recordIdsAdded: z.array(z.string()).nullish(),
  recordIdsMissing: z.array(z.string()).nullish(),
});

export async function listManualLists(config: HubspotConfig, accessToken: string): Promise<ConsentReply<StaticList[]>> {
  const json = { count: 500, offset: 0, processingTypes: ["MANUAL"] };
  const answer = await exchange(config, { method: "POST", path: hubspotPaths.listsSearch, accessToken, json }, "listing contact lists");
  if (!answer.ok) return failed(answer.failure, 1, answer.reply);
  const parsed = listSearchSchema.safeParse(answer.reply.body);
  if (!parsed.success) return unexpectedShape("the lists search", 1, answer.reply);
  const value = parsed.data.lists
    .filter((list) => list.processingType === "MANUAL" && (list.objectTypeId ?? "0-1") === "0-1")
    .map((list) => ({ id: list.listId, name: list.name }));
  return { ok: true, value, calls: 1, rateLimit: answer.reply.rateLimit };
}

export async function addToList(
  config: HubspotConfig,
  accessToken: string,
  listId: string,
  contactIds: readonly string[],
): Promise<ConsentReply<ListMembershipResult>> {
  const answer = await exchange(
    config,
    { method: "PUT", path: hubspotPaths.listMembershipsAdd(listId), accessToken, json: [...contactIds] },
    "adding contacts to the newsletter list",
  );
  if (!answer.ok) return failed(answer.failure, 1, answer.reply);
  const parsed = membershipSchema.safeParse(answer.reply.body);
  if (!parsed.success) return unexpectedShape("the list membership change", 1, answer.reply);
  return { ok: true, value: { missing: parsed.data.recordIdsMissing ?? [] }, calls: 1, rateLimit: answer.reply.rateLimit };
}
