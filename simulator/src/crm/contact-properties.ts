import type { PropertyLookup } from "../state/property-store";
import type { PropertyProblem } from "./crm-errors";

// How property values are checked before they are stored. HubSpot rejects writes to properties
// that don't exist in the portal, to read-only ones (hs_marketable_status, createdate, …) and
// enumeration values outside the options; so does the simulator (the portal's properties: state/property-store.ts).

// Syntax only: HubSpot additionally checks top-level domains against its own list.
const EMAIL = /^[^\s@"<>(),;:\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/;

export function isValidEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value.trim());
}

export function invalidEmailProblem(value: string): PropertyProblem {
  return { isValid: false, message: `Email address ${value} is invalid`, error: "INVALID_EMAIL", name: "email" };
}

export type PropertiesCheck = { ok: true; properties: Record<string, string> } | { ok: false; problems: PropertyProblem[] };

/** Why a value is not one of an enumeration's options (checkbox fields take several, `;`-separated). */
function optionProblem(name: string, value: string, allowed: string[], multiple: boolean): PropertyProblem | null {
  if (value === "") return null;
  const bad = (multiple ? value.split(";") : [value]).find((part) => !allowed.includes(part));
  if (bad === undefined) return null;
  return { isValid: false, message: `${bad} was not one of the allowed options: [${allowed.join(", ")}]`, error: "INVALID_OPTION", name };
}

/** Coerces numbers/booleans to strings (as HubSpot does) and reports every invalid value. */
export function checkProperties(input: Record<string, unknown>, lookup: PropertyLookup): PropertiesCheck {
  const properties: Record<string, string> = {};
  const problems: PropertyProblem[] = [];
  for (const [name, raw] of Object.entries(input)) {
    const property = lookup(name);
    if (property?.readOnlyValue) {
      problems.push({
        isValid: false,
        message: `${name} is a read only property; its value cannot be set.`,
        error: "READ_ONLY_VALUE",
        name,
      });
      continue;
    }
    if (!property) {
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
    if (property.type === "enumeration") {
      const problem = optionProblem(
        name,
        value,
        property.options.map((option) => option.value),
        property.fieldType === "checkbox",
      );
      if (problem) {
        problems.push(problem);
        continue;
      }
    }
    properties[name] = value;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, properties };
}
