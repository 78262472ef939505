import type { Route } from "../http/context";
import { portalFromParams } from "../http/control-input";
import { sendJson } from "../http/respond";
import type { ContactList } from "../state/list-store";
import { listJson } from "./list-json";
import { createList, getList, getListByName, getListsByIds, searchLists } from "./lists-crud";
import { addAndRemoveMembers, addMembers, getMembers, removeMembers } from "./memberships";

const BASE = "/crm/lists/2026-03";

const withMembers = (list: ContactList) => ({ ...listJson(list), recordIds: [...list.members.keys()] });

export const listRoutes: Route[] = [
  { method: "POST", path: BASE, handler: createList },
  { method: "GET", path: BASE, handler: getListsByIds },
  { method: "POST", path: `${BASE}/search`, handler: searchLists },
  { method: "GET", path: `${BASE}/object-type-id/:objectTypeId/name/:listName`, handler: getListByName },
  { method: "GET", path: `${BASE}/:listId`, handler: getList },
  { method: "GET", path: `${BASE}/:listId/memberships`, handler: getMembers },
  { method: "PUT", path: `${BASE}/:listId/memberships/add`, handler: addMembers },
  { method: "PUT", path: `${BASE}/:listId/memberships/remove`, handler: removeMembers },
  { method: "PUT", path: `${BASE}/:listId/memberships/add-and-remove`, handler: addAndRemoveMembers },
  // Control API: every list of a portal with its members, or one list's members.
  {
    method: "GET",
    path: "/_sim/portals/:portalId/lists",
    handler: (ctx) => {
      const portal = portalFromParams(ctx);
      if (portal) sendJson(ctx.res, 200, { portalId: portal.id, lists: ctx.state.lists.all(portal.id).map(withMembers) });
    },
  },
  {
    method: "GET",
    path: "/_sim/portals/:portalId/lists/:listId/memberships",
    handler: (ctx) => {
      const portal = portalFromParams(ctx);
      if (!portal) return;
      const list = ctx.state.lists.get(portal.id, ctx.params.listId ?? "");
      if (!list) return sendJson(ctx.res, 404, { error: `no list ${ctx.params.listId} in portal ${portal.id}` });
      sendJson(ctx.res, 200, { portalId: portal.id, listId: list.listId, recordIds: [...list.members.keys()] });
    },
  },
];
