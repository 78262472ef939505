// THE step from a signup's answers to the contact properties its upsert carries: each enabled field
// with an answer goes to the property it is mapped to, checked first against the portal's properties
// as the sync last read them (field-targets.ts, and a dropdown's options). A property deleted, made
// read-only or stripped of the chosen option since fails this one signup with a reason that says
// what to do; the rest of its batch goes on. Without the portal's properties (they could not be
// read) the values go unchecked and the CRM's own validation decides. Reasons never quote an answer:
// they end up in webhook payloads, which erasure cannot rewrite for every value.
import type { ContactProperty } from "@/lib/integrations/contact-properties";
import { targetProblem } from "./field-targets";
import { enabledFields, type SignupFieldValues, type SignupFields } from "./signup-fields";

export type MappedProperties = { ok: true; properties: Record<string, string> } | { ok: false; reason: string };

const WHAT_TO_DO = "Change the form fields on the signups page, then retry.";

export function mappedProperties(
  answers: SignupFieldValues,
  fields: SignupFields,
  portal: ReadonlyMap<string, ContactProperty> | null,
): MappedProperties {
  const properties: Record<string, string> = {};
  for (const field of enabledFields(fields)) {
    const answer = answers[field.key];
    if (!answer) continue;
    const name = field.mapping.property;
    if (portal) {
      const property = portal.get(name);
      const problem = targetProblem(name, property);
      if (problem) return refused(`${field.label} could not be sent: ${problem} ${WHAT_TO_DO}`);
      if (property?.kind === "choice" && !property.options.some((option) => option.value === answer)) {
        return refused(
          `${field.label} could not be sent: the answer is not one of the options of "${property.label}" (${name}) any more. ${WHAT_TO_DO}`,
        );
      }
    }
    properties[name] = answer;
  }
  return { ok: true, properties };
}

function refused(reason: string): MappedProperties {
  return { ok: false, reason: reason.slice(0, 500) };
}
