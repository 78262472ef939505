import { randomUUID } from "node:crypto";
import type { RequestContext } from "../http/context";
import { sendCrm } from "../crm/authorize-call";
import { objectNotFound, validationError } from "../crm/crm-errors";
import { readCrmBody } from "../crm/read-crm-body";
import { authorizeListRead, authorizeListWrite, listFromParams } from "./list-calls";
import { CONTACT_OBJECT_TYPE_ID, createListSchema, listJson, searchListsSchema } from "./list-json";

// POST /crm/lists/2026-03 — create a list: 200 {list}; names are unique in the portal.
export async function createList(ctx: RequestContext): Promise<void> {
  const caller = authorizeListWrite(ctx);
  if (!caller) return;
  const input = await readCrmBody(ctx, caller, createListSchema);
  if (!input) return;
  if (input.objectTypeId !== CONTACT_OBJECT_TYPE_ID) {
    return sendCrm(
      ctx,
      caller,
      400,
      validationError(`objectTypeId ${input.objectTypeId} is not supported; the simulator has contact lists (0-1) only`),
    );
  }
  if (input.processingType === "DYNAMIC" && !input.filterBranch) {
    return sendCrm(ctx, caller, 400, validationError("filterBranch is required for DYNAMIC lists"));
  }
  if (ctx.state.lists.findByName(caller.portalId, input.name)) {
    return sendCrm(ctx, caller, 409, {
      status: "error",
      message: `A list named "${input.name}" already exists`,
      correlationId: randomUUID(),
      category: "CONFLICT",
    });
  }
  const list = ctx.state.lists.create(caller.portalId, {
    name: input.name,
    processingType: input.processingType,
    filterBranch: input.filterBranch,
  });
  sendCrm(ctx, caller, 200, { list: listJson(list) });
}

// POST /crm/lists/2026-03/search — {query?, count ≤ 500, offset, processingTypes?} → {lists, total, offset, hasMore}.
export async function searchLists(ctx: RequestContext): Promise<void> {
  const caller = authorizeListRead(ctx);
  if (!caller) return;
  const input = await readCrmBody(ctx, caller, searchListsSchema);
  if (!input) return;
  const query = input.query?.trim().toLowerCase() ?? "";
  const matching = ctx.state.lists
    .all(caller.portalId)
    .filter((list) => list.name.toLowerCase().includes(query))
    .filter((list) => !input.processingTypes || input.processingTypes.includes(list.processingType));
  const page = matching.slice(input.offset, input.offset + input.count);
  const offset = input.offset + page.length;
  sendCrm(ctx, caller, 200, { lists: page.map(listJson), total: matching.length, offset, hasMore: offset < matching.length });
}

// GET /crm/lists/2026-03/:listId
export function getList(ctx: RequestContext): void {
  const caller = authorizeListRead(ctx);
  const list = caller && listFromParams(ctx, caller);
  if (caller && list) sendCrm(ctx, caller, 200, { list: listJson(list) });
}

// GET /crm/lists/2026-03/object-type-id/:objectTypeId/name/:listName
export function getListByName(ctx: RequestContext): void {
  const caller = authorizeListRead(ctx);
  if (!caller) return;
  const list =
    ctx.params.objectTypeId === CONTACT_OBJECT_TYPE_ID ? ctx.state.lists.findByName(caller.portalId, ctx.params.listName ?? "") : undefined;
  if (!list) return sendCrm(ctx, caller, 404, objectNotFound());
  sendCrm(ctx, caller, 200, { list: listJson(list) });
}

// GET /crm/lists/2026-03?listIds=1&listIds=2 — the lists that exist among those asked for.
export function getListsByIds(ctx: RequestContext): void {
  const caller = authorizeListRead(ctx);
  if (!caller) return;
  const ids = ctx.url.searchParams.getAll("listIds").flatMap((value) => value.split(","));
  const lists = ids.map((id) => ctx.state.lists.get(caller.portalId, id.trim())).filter((list) => list !== undefined);
  sendCrm(ctx, caller, 200, { lists: lists.map(listJson) });
}
