import type { RequestContext } from "../http/context";
import { sendCrm, type CrmCaller } from "../crm/authorize-call";
import { validationError } from "../crm/crm-errors";
import { readCrmBody } from "../crm/read-crm-body";
import type { ContactList } from "../state/list-store";
import { authorizeListRead, authorizeListWrite, listFromParams } from "./list-calls";
import { addAndRemoveSchema, recordIdsSchema } from "./list-json";

// List memberships (HUBSPOT-2026-03.md §6). Only MANUAL and SNAPSHOT lists take manual changes.
// Existing members and unknown record ids are ignored; unknown ids come back in recordIdsMissing.
// The answer's `recordsIdsAdded` spelling is the spec's.

function changeMembers(ctx: RequestContext, caller: CrmCaller, list: ContactList, toAdd: string[], toRemove: string[]) {
  const missing = [...new Set([...toAdd, ...toRemove])].filter((id) => !ctx.state.contacts.findById(caller.portalId, id));
  const added: string[] = [];
  const removed: string[] = [];
  const now = Date.now();
  for (const id of new Set(toAdd)) {
    if (missing.includes(id) || list.members.has(id)) continue;
    list.members.set(id, now);
    added.push(id);
  }
  for (const id of new Set(toRemove)) {
    if (list.members.delete(id)) removed.push(id);
  }
  if (added.length + removed.length > 0) list.updatedAt = now;
  return { recordsIdsAdded: added, recordIdsRemoved: removed, recordIdsMissing: missing };
}

async function writableList(ctx: RequestContext): Promise<{ caller: CrmCaller; list: ContactList } | null> {
  const caller = authorizeListWrite(ctx);
  const list = caller && listFromParams(ctx, caller);
  if (!caller || !list) return null;
  if (list.processingType === "DYNAMIC") {
    sendCrm(
      ctx,
      caller,
      400,
      validationError(`List ${list.listId} is a DYNAMIC list; memberships can only be changed on MANUAL or SNAPSHOT lists`),
    );
    return null;
  }
  return { caller, list };
}

function membershipHandler(kind: "add" | "remove") {
  return async (ctx: RequestContext): Promise<void> => {
    const target = await writableList(ctx);
    if (!target) return;
    const ids = await readCrmBody(ctx, target.caller, recordIdsSchema);
    if (!ids) return;
    const result = changeMembers(ctx, target.caller, target.list, kind === "add" ? ids : [], kind === "remove" ? ids : []);
    sendCrm(ctx, target.caller, 200, result);
  };
}

// PUT /crm/lists/2026-03/:listId/memberships/add — body ["777", …].
export const addMembers = membershipHandler("add");
// PUT /crm/lists/2026-03/:listId/memberships/remove — body ["777", …].
export const removeMembers = membershipHandler("remove");

// PUT /crm/lists/2026-03/:listId/memberships/add-and-remove — {recordIdsToAdd, recordIdsToRemove}.
export async function addAndRemoveMembers(ctx: RequestContext): Promise<void> {
  const target = await writableList(ctx);
  if (!target) return;
  const input = await readCrmBody(ctx, target.caller, addAndRemoveSchema);
  if (!input) return;
  sendCrm(ctx, target.caller, 200, changeMembers(ctx, target.caller, target.list, input.recordIdsToAdd, input.recordIdsToRemove));
}

// GET /crm/lists/2026-03/:listId/memberships?limit&after — members in the order they were added.
export function getMembers(ctx: RequestContext): void {
  const caller = authorizeListRead(ctx);
  const list = caller && listFromParams(ctx, caller);
  if (!caller || !list) return;
  const limit = Math.min(Number(ctx.url.searchParams.get("limit") ?? "100") || 100, 250);
  const offset = Number(ctx.url.searchParams.get("after") ?? "0") || 0;
  const all = [...list.members.entries()];
  const results = all
    .slice(offset, offset + limit)
    .map(([recordId, since]) => ({ recordId, membershipTimestamp: new Date(since).toISOString() }));
  const next = offset + limit < all.length ? { paging: { next: { after: String(offset + limit) } } } : {};
  sendCrm(ctx, caller, 200, { results, total: all.length, ...next });
}
