// Which contact property a form field may be mapped to: THE rule, used when a mapping is saved
// (against the portal's properties then) and again by the sync before every push (against them
// now), so a property deleted, made read-only or changed in type since is caught with the same words.
import type { ContactProperty } from "@/lib/integrations/contact-properties";
import { MAX_FIELD_OPTIONS } from "./signup-fields";

/** What Switchboard writes itself: the address the contact is found by, and the form's first name. */
export const RESERVED_PROPERTIES: ReadonlySet<string> = new Set(["email", "firstname"]);

/** Why `property` (looked up as `name`) cannot receive a form field's answers; null when it can. */
export function targetProblem(name: string, property: ContactProperty | undefined): string | null {
  if (RESERVED_PROPERTIES.has(name)) {
    return `"${name}" is the ${name === "email" ? "email address" : "first name"} Switchboard already sends; choose another property.`;
  }
  if (!property) return `The portal has no contact property named "${name}".`;
  const which = `"${property.label}" (${name})`;
  if (property.readOnly) return `${which} is read-only in HubSpot: its value cannot be set.`;
  if (property.unique) return `${which} has unique values that identify a contact; choose a property that is not unique.`;
  if (property.kind === "other")
    return `${which} is a ${property.typeName} property; a form field can fill text and dropdown properties only.`;
  if (property.kind === "choice" && property.options.length === 0) return `${which} has no options to choose from.`;
  if (property.kind === "choice" && property.options.length > MAX_FIELD_OPTIONS) {
    return `${which} has more than ${MAX_FIELD_OPTIONS} options, too many for a form field.`;
  }
  return null;
}

/** The properties a field may be mapped to, by label, for the settings page. */
export function eligibleTargets(properties: readonly ContactProperty[]): ContactProperty[] {
  return properties
    .filter((property) => targetProblem(property.name, property) === null)
    .sort((a, b) => a.label.localeCompare(b.label) || a.name.localeCompare(b.name));
}
