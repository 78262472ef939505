import type { RequestContext } from "../http/context";
import type { Contact } from "../state/contact-store";
import { authorizeCrmCall, sendCrm } from "./authorize-call";
import { contactJson, systemProperties } from "./contact-json";
import { validationError } from "./crm-errors";
import { readCrmBody } from "./read-crm-body";
import { searchSchema, type SearchFilter } from "./request-schemas";

const READ = "crm.objects.contacts.read";

function propertyValue(contact: Contact, name: string): string | undefined {
  return systemProperties(contact)[name] ?? contact.properties[name];
}

function matches(contact: Contact, filter: SearchFilter): boolean {
  const actual = propertyValue(contact, filter.propertyName)?.toLowerCase();
  const expected = filter.value === undefined ? undefined : String(filter.value).toLowerCase();
  const values = (filter.values ?? []).map((value) => String(value).toLowerCase());
  switch (filter.operator) {
    case "EQ":
      return actual !== undefined && actual === expected;
    case "NEQ":
      return actual !== expected;
    case "IN":
      return actual !== undefined && values.includes(actual);
    case "NOT_IN":
      return actual === undefined || !values.includes(actual);
    case "HAS_PROPERTY":
      return actual !== undefined && actual !== "";
    case "NOT_HAS_PROPERTY":
      return actual === undefined || actual === "";
    case "CONTAINS_TOKEN":
      return actual !== undefined && expected !== undefined && actual.includes(expected.replace(/\*/g, ""));
  }
}

// POST /crm/v3/objects/contacts/search — filterGroups are OR-ed, filters inside a group AND-ed.
// New contacts become searchable only after the configured indexing lag, as on HubSpot.
export async function searchContacts(ctx: RequestContext): Promise<void> {
  const caller = authorizeCrmCall(ctx, READ, "search");
  if (!caller) return;
  const body = await readCrmBody(ctx, caller, searchSchema);
  if (!body) return;
  const offset = Number(body.after ?? 0);
  if (!Number.isInteger(offset) || offset < 0) {
    return sendCrm(ctx, caller, 400, validationError(`after ${String(body.after)} is not a valid paging cursor`));
  }
  const groups = (body.filterGroups ?? []).filter((group) => group.filters.length > 0);
  const indexedBefore = Date.now() - ctx.state.config.searchLagMs;
  const store = ctx.state.contacts;

  // Email equality is the hot path (sync dedupe); answer it from the email index.
  const emailEq = groups.length === 1 ? groups[0]?.filters.find((f) => f.propertyName === "email" && f.operator === "EQ") : undefined;
  const candidates: readonly Contact[] = emailEq
    ? [store.findByEmail(caller.portalId, String(emailEq.value ?? ""))].filter((c): c is Contact => c !== undefined)
    : store.list(caller.portalId);

  const found = candidates.filter(
    (contact) =>
      contact.createdAt <= indexedBefore &&
      (groups.length === 0 || groups.some((group) => group.filters.every((filter) => matches(contact, filter)))),
  );
  const limit = body.limit ?? 10;
  const selection = body.properties && body.properties.length > 0 ? body.properties : "default";
  const response: Record<string, unknown> = {
    total: found.length,
    results: found.slice(offset, offset + limit).map((contact) => contactJson(contact, selection)),
  };
  if (offset + limit < found.length) response.paging = { next: { after: String(offset + limit) } };
  sendCrm(ctx, caller, 200, response);
}
