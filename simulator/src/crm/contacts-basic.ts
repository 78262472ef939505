import type { RequestContext } from "../http/context";
import { authorizeCrmCall, sendCrm } from "./authorize-call";
import { contactJson, selectionFromQuery } from "./contact-json";
import { checkProperties } from "./contact-properties";
import { contactConflict, objectNotFound, propertyValuesMessage, validationError } from "./crm-errors";
import { readCrmBody } from "./read-crm-body";
import { createInputSchema } from "./request-schemas";

const WRITE = "crm.objects.contacts.write";
const READ = "crm.objects.contacts.read";

// POST /crm/v3/objects/contacts — create one contact; 409 when the email is taken.
export async function createContact(ctx: RequestContext): Promise<void> {
  const caller = authorizeCrmCall(ctx, WRITE);
  if (!caller) return;
  const input = await readCrmBody(ctx, caller, createInputSchema);
  if (!input) return;
  const checked = checkProperties(input.properties, ctx.state.properties.lookup(caller.portalId));
  if (!checked.ok) return sendCrm(ctx, caller, 400, validationError(propertyValuesMessage(checked.problems)));
  const email = checked.properties.email;
  const existing = email
    ? (ctx.state.contacts.findByEmail(caller.portalId, email) ?? ctx.state.contacts.findByAdditionalEmail(caller.portalId, email))
    : undefined;
  if (existing) return sendCrm(ctx, caller, 409, contactConflict(existing.id));
  const contact = ctx.state.contacts.create(caller.portalId, checked.properties, ctx.state.createsMarketingContacts(caller.portalId));
  sendCrm(ctx, caller, 201, contactJson(contact, "all"));
}

// GET /crm/v3/objects/contacts/:contactId — by id, or by email with ?idProperty=email.
export function getContact(ctx: RequestContext): void {
  const caller = authorizeCrmCall(ctx, READ);
  if (!caller) return;
  const id = ctx.params.contactId ?? "";
  const idProperty = ctx.url.searchParams.get("idProperty");
  if (idProperty !== null && idProperty !== "email" && idProperty !== "hs_object_id") {
    return sendCrm(ctx, caller, 400, validationError(`idProperty ${idProperty} is not a unique identifier property`));
  }
  const contacts = ctx.state.contacts;
  const contact = idProperty === "email" ? contacts.findByEmail(caller.portalId, id) : contacts.findById(caller.portalId, id);
  if (!contact) return sendCrm(ctx, caller, 404, objectNotFound());
  sendCrm(ctx, caller, 200, contactJson(contact, selectionFromQuery(ctx.url.searchParams)));
}

// PATCH /crm/v3/objects/contacts/:contactId — update properties; 409 if the new email belongs to another contact.
export async function updateContact(ctx: RequestContext): Promise<void> {
  const caller = authorizeCrmCall(ctx, WRITE);
  if (!caller) return;
  const input = await readCrmBody(ctx, caller, createInputSchema);
  if (!input) return;
  const contacts = ctx.state.contacts;
  const contact = contacts.findById(caller.portalId, ctx.params.contactId ?? "");
  if (!contact) return sendCrm(ctx, caller, 404, objectNotFound());
  const checked = checkProperties(input.properties, ctx.state.properties.lookup(caller.portalId));
  if (!checked.ok) return sendCrm(ctx, caller, 400, validationError(propertyValuesMessage(checked.problems)));
  const owner = checked.properties.email ? contacts.findByEmail(caller.portalId, checked.properties.email) : undefined;
  if (owner && owner !== contact) return sendCrm(ctx, caller, 409, contactConflict(owner.id));
  sendCrm(ctx, caller, 200, contactJson(contacts.update(caller.portalId, contact, checked.properties), "all"));
}

// GET /crm/v3/objects/contacts — a page of contacts in creation order; `after` is an opaque cursor.
export function listContacts(ctx: RequestContext): void {
  const caller = authorizeCrmCall(ctx, READ);
  if (!caller) return;
  const params = ctx.url.searchParams;
  const limit = Number(params.get("limit") ?? "10");
  const offset = Number(params.get("after") ?? "0");
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    return sendCrm(ctx, caller, 400, validationError("limit must be an integer between 1 and 100"));
  }
  if (!Number.isInteger(offset) || offset < 0) {
    return sendCrm(ctx, caller, 400, validationError(`after ${params.get("after")} is not a valid paging cursor`));
  }
  // Nothing is ever archived here, so the archived listing is always empty.
  const all = params.get("archived") === "true" ? [] : ctx.state.contacts.list(caller.portalId);
  const selection = selectionFromQuery(params);
  const page = all.slice(offset, offset + limit).map((contact) => contactJson(contact, selection));
  const nextOffset = offset + limit;
  const body: Record<string, unknown> = { results: page };
  if (nextOffset < all.length) {
    const link = new URL(ctx.url.pathname, `http://${ctx.req.headers.host ?? "127.0.0.1"}`);
    link.searchParams.set("after", String(nextOffset));
    body.paging = { next: { after: String(nextOffset), link: link.toString() } };
  }
  sendCrm(ctx, caller, 200, body);
}
