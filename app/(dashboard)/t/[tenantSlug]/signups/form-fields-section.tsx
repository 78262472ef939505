// Optional fields of the public form (admins): last name, company and one free-text field, each
// shown only while mapped to a contact property of the newsletter's portal.
import { eligibleTargets } from "@switchboard/lib/signups/fields/field-targets";
import type { PortalProperties } from "@switchboard/lib/signups/fields/field-mapping";
import {
  FREE_TEXT_LABEL_MAX,
  SIGNUP_FIELD_KEYS,
  SIGNUP_FIELD_RULES,
  type SignupFields,
} from "@switchboard/lib/signups/fields/signup-fields";
import { saveFormFields } from "./field-actions";
import { FormFieldsForm, type FieldRow } from "./form-fields-form";

export function FormFieldsSection({
  tenantSlug,
  fields,
  portal,
}: {
  tenantSlug: string;
  fields: SignupFields;
  portal: PortalProperties | null;
}) {
  const rows: FieldRow[] = SIGNUP_FIELD_KEYS.map((key) => ({
    key,
    title: `${SIGNUP_FIELD_RULES[key].label} (at most ${SIGNUP_FIELD_RULES[key].max} characters)`,
    chosen: fields[key]?.property ?? "",
    chosenLabel: fields[key]?.propertyLabel ?? "",
    ...(key === "freeText" ? { label: fields.freeText?.label ?? "" } : {}),
  }));
  const targets =
    portal?.kind === "ready"
      ? eligibleTargets(portal.properties).map((property) => ({
          name: property.name,
          label: property.label,
          dropdown: property.kind === "choice",
        }))
      : [];
  return (
    <section aria-labelledby="form-fields-heading" className="space-y-3">
      <h2 id="form-fields-heading" className="text-lg font-semibold text-slate-900">
        Form fields
      </h2>
      <p className="text-sm text-slate-700">
        Ask for more than the email address and first name: each field appears on the form (and the signup API) only while it is mapped to a
        contact property, and visitors may leave it empty. A dropdown property becomes a choice of its options. Read-only, calculated and
        unique properties cannot be chosen.
      </p>
      {portal === null || portal.kind === "no-connection" ? (
        <p className="text-sm text-slate-800" data-testid="form-fields-unavailable">
          Connect HubSpot to map form fields to its contact properties.
        </p>
      ) : portal.kind === "unavailable" ? (
        <p className="text-sm text-slate-800" data-testid="form-fields-unavailable">
          HubSpot&apos;s contact properties could not be read just now ({portal.reason}). You can still take fields off the form.
        </p>
      ) : null}
      <FormFieldsForm
        action={saveFormFields}
        tenantSlug={tenantSlug}
        rows={rows}
        targets={targets}
        freeTextLabelMax={FREE_TEXT_LABEL_MAX}
      />
    </section>
  );
}
