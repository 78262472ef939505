import type { Contact } from "../state/contact-store";

// How a contact goes over the wire: HubSpot's SimplePublicObject with system properties
// (createdate, lastmodifieddate, hs_object_id) computed from the record.

export const DEFAULT_PROPERTIES = ["createdate", "email", "firstname", "hs_object_id", "lastmodifieddate", "lastname"];

/** "default" = HubSpot's default set, "all" = every stored property, or an explicit list. */
export type PropertySelection = "default" | "all" | string[];

export function systemProperties(contact: Contact): Record<string, string> {
  return {
    createdate: new Date(contact.createdAt).toISOString(),
    hs_object_id: contact.id,
    lastmodifieddate: new Date(contact.updatedAt).toISOString(),
    hs_marketable_status: String(contact.marketable),
    // HubSpot's read-only list of further addresses, semicolon-separated.
    ...(contact.additionalEmails.length > 0 ? { hs_additional_emails: contact.additionalEmails.join(";") } : {}),
  };
}

function selectProperties(contact: Contact, selection: PropertySelection): Record<string, string | null> {
  const system = systemProperties(contact);
  if (selection === "all") return sortKeys({ ...contact.properties, ...system });
  const names = selection === "default" ? DEFAULT_PROPERTIES : [...new Set([...selection, ...Object.keys(system)])];
  const result: Record<string, string | null> = {};
  for (const name of names) {
    const value = system[name] ?? contact.properties[name];
    // Explicitly requested but unset properties come back as null; unset defaults are left out.
    if (value !== undefined) result[name] = value;
    else if (selection !== "default") result[name] = null;
  }
  return sortKeys(result);
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function contactJson(contact: Contact, selection: PropertySelection) {
  return {
    id: contact.id,
    properties: selectProperties(contact, selection),
    createdAt: new Date(contact.createdAt).toISOString(),
    updatedAt: new Date(contact.updatedAt).toISOString(),
    archived: false,
  };
}

/** Parses the `properties` query parameter (comma-separated, may repeat). */
export function selectionFromQuery(params: URLSearchParams): PropertySelection {
  const names = params
    .getAll("properties")
    .flatMap((value) => value.split(","))
    .map((name) => name.trim())
    .filter(Boolean);
  return names.length > 0 ? names : "default";
}
