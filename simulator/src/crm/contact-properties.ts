import type { PropertyProblem } from "./crm-errors";

// Which contact properties exist, and how property values are checked before they are stored.
// HubSpot rejects writes to properties that don't exist in the portal; so does the simulator.

const WRITABLE_PROPERTIES = new Set([
  "email", "firstname", "lastname", "salutation", "phone", "mobilephone", "fax", "company", "website",
  "jobtitle", "industry", "address", "city", "state", "zip", "country", "message", "date_of_birth",
  "lifecyclestage", "hs_lead_status", "hs_language", "hs_persona", "hs_legal_basis",
  "hubspot_owner_id", "annualrevenue", "numemployees", "twitterhandle",
  "hs_content_membership_notes", "hs_whatsapp_phone_number", "hs_timezone",
]);
// hs_marketable_status is read-only through every API (HUBSPOT-2026-03.md §0): only the portal's
// settings and HubSpot's UI decide who is a marketing contact.
const READ_ONLY_PROPERTIES = new Set(["createdate", "lastmodifieddate", "hs_object_id", "hs_marketable_status", "hs_additional_emails"]);

// Syntax only: HubSpot additionally checks top-level domains against its own list.
const EMAIL = /^[^\s@"<>(),;:\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/;

export function isValidEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value.trim());
}

export function invalidEmailProblem(value: string): PropertyProblem {
  return { isValid: false, message: `Email address ${value} is invalid`, error: "INVALID_EMAIL", name: "email" };
}

export type PropertiesCheck =
  | { ok: true; properties: Record<string, string> }
  | { ok: false; problems: PropertyProblem[] };

/** Coerces numbers/booleans to strings (as HubSpot does) and reports every invalid value. */
export function checkProperties(input: Record<string, unknown>): PropertiesCheck {
  const properties: Record<string, string> = {};
  const problems: PropertyProblem[] = [];
  for (const [name, raw] of Object.entries(input)) {
    if (READ_ONLY_PROPERTIES.has(name)) {
      problems.push({ isValid: false, message: `${name} is a read only property; its value cannot be set.`, error: "READ_ONLY_VALUE", name });
      continue;
    }
    if (!WRITABLE_PROPERTIES.has(name)) {
      problems.push({ isValid: false, message: `Property "${name}" does not exist`, error: "PROPERTY_DOESNT_EXIST", name });
      continue;
    }
    if (raw !== null && typeof raw === "object") {
      problems.push({ isValid: false, message: `${JSON.stringify(raw)} is not a valid value for ${name}`, error: "INVALID_OPTION", name });
      continue;
    }
    const value = raw === null || raw === undefined ? "" : String(raw);
    if (name === "email" && value !== "" && !isValidEmail(value)) {
      problems.push(invalidEmailProblem(value));
      continue;
    }
    properties[name] = value;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, properties };
}
