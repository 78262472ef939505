import { randomUUID } from "node:crypto";
import type { RequestContext, Route } from "../http/context";
import { portalFromParams, readControlJson } from "../http/control-input";
import { sendEmpty, sendJson } from "../http/respond";
import { authorizeCrmCall, sendCrm } from "../crm/authorize-call";
import { objectNotFound } from "../crm/crm-errors";
import { readCrmBody } from "../crm/read-crm-body";
import { customProperty, propertyChangeSchema, propertyCreateSchema, propertyJson, type PropertyCreate } from "./property-definition";
import type { CustomPropertyVerdict } from "../state/property-store";

// The contact properties API 2026-03 (HUBSPOT-2026-03.md §7), plus control routes that create, change
// and delete a custom property without a token (an admin doing so in HubSpot's settings).

const BASE = "/crm/properties/2026-03/contacts";
const READ_SCOPES = ["crm.objects.contacts.read", "crm.schemas.contacts.read"];
const WRITE_SCOPE = "crm.schemas.contacts.write";

const duplicate = (name: string) => ({
  status: "error",
  message: `A property named '${name}' already exists.`,
  correlationId: randomUUID(),
  category: "OBJECT_ALREADY_EXISTS",
});

// GET /crm/properties/2026-03/contacts?archived=&properties=a,b — every property, no paging.
function listProperties(ctx: RequestContext): void {
  const caller = authorizeCrmCall(ctx, READ_SCOPES);
  if (!caller) return;
  const wanted = (ctx.url.searchParams.get("properties") ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  const store = ctx.state.properties;
  const all = ctx.url.searchParams.get("archived") === "true" ? store.listArchived(caller.portalId) : store.list(caller.portalId);
  const results = all.filter((property) => wanted.length === 0 || wanted.includes(property.name)).map(propertyJson);
  sendCrm(ctx, caller, 200, { results });
}

// GET /crm/properties/2026-03/contacts/:propertyName
function getProperty(ctx: RequestContext): void {
  const caller = authorizeCrmCall(ctx, READ_SCOPES);
  if (!caller) return;
  const property = ctx.state.properties.lookup(caller.portalId)(ctx.params.propertyName ?? "");
  if (!property) return sendCrm(ctx, caller, 404, objectNotFound());
  sendCrm(ctx, caller, 200, propertyJson(property));
}

// POST /crm/properties/2026-03/contacts — a custom property: 201 with Location; 409 when the name is taken.
async function createProperty(ctx: RequestContext): Promise<void> {
  const caller = authorizeCrmCall(ctx, WRITE_SCOPE);
  if (!caller) return;
  const input = await readCrmBody(ctx, caller, propertyCreateSchema);
  if (!input) return;
  const property = customProperty(input);
  if (!ctx.state.properties.add(caller.portalId, property)) return sendCrm(ctx, caller, 409, duplicate(input.name));
  sendJson(ctx.res, 201, propertyJson(property), { ...caller.headers, Location: `${BASE}/${property.name}` });
}

export const propertyRoutes: Route[] = [
  { method: "GET", path: BASE, handler: listProperties },
  { method: "POST", path: BASE, handler: createProperty },
  { method: "GET", path: `${BASE}/:propertyName`, handler: getProperty },
  {
    // POST /_sim/portals/:portalId/properties — same body as the API, no token needed.
    method: "POST",
    path: "/_sim/portals/:portalId/properties",
    handler: async (ctx) => {
      const portal = portalFromParams(ctx);
      const input: PropertyCreate | undefined = portal && (await readControlJson(ctx, propertyCreateSchema));
      if (!portal || !input) return;
      const property = customProperty(input);
      if (!ctx.state.properties.add(portal.id, property)) return sendJson(ctx.res, 409, { error: `property ${input.name} already exists` });
      sendJson(ctx.res, 201, propertyJson(property));
    },
  },
  {
    // PATCH /_sim/portals/:portalId/properties/:name — {label?, options?, readOnlyValue?, hasUniqueValue?}
    method: "PATCH",
    path: "/_sim/portals/:portalId/properties/:propertyName",
    handler: async (ctx) => {
      const portal = portalFromParams(ctx);
      const change = portal && (await readControlJson(ctx, propertyChangeSchema));
      if (!portal || !change) return;
      const name = ctx.params.propertyName ?? "";
      if (!answered(ctx, ctx.state.properties.update(portal.id, name, change), name)) return;
      sendJson(ctx.res, 200, propertyJson(ctx.state.properties.lookup(portal.id)(name)!));
    },
  },
  {
    // DELETE /_sim/portals/:portalId/properties/:name — archives a custom property (204).
    method: "DELETE",
    path: "/_sim/portals/:portalId/properties/:propertyName",
    handler: (ctx) => {
      const portal = portalFromParams(ctx);
      if (!portal) return;
      const name = ctx.params.propertyName ?? "";
      if (!answered(ctx, ctx.state.properties.archive(portal.id, name), name)) return;
      sendEmpty(ctx.res, 204);
    },
  },
];

/** Answers the refusals of a change to a custom property; true when it was done. */
function answered(ctx: RequestContext, verdict: CustomPropertyVerdict, name: string): boolean {
  if (verdict === "unknown") sendJson(ctx.res, 404, { error: `no custom property ${name}` });
  if (verdict === "hubspot-defined") sendJson(ctx.res, 400, { error: `${name} is HubSpot-defined and cannot be changed or deleted` });
  return verdict === "done";
}
