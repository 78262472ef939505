// The tenant's optional form fields: last name, company and one free-text field with a label the
// tenant chooses, each shown on the form only while it is mapped to a contact property of the
// newsletter's portal (a field whose answers went nowhere would keep personal data for nothing).
// Stored as JSON on the tenant; for a dropdown (choice) property the options are kept as they were
// when the mapping was saved, so the public form offers them without asking the CRM on every visit.
import { z } from "zod";
import { log } from "@/lib/log";

export const SIGNUP_FIELD_KEYS = ["lastName", "company", "freeText"] as const;
export type SignupFieldKey = (typeof SIGNUP_FIELD_KEYS)[number];

/** Longest answer per field, and the label the form shows (the free-text field's is the tenant's). */
export const SIGNUP_FIELD_RULES: Record<SignupFieldKey, { label: string; max: number }> = {
  lastName: { label: "Last name", max: 100 },
  company: { label: "Company", max: 200 },
  freeText: { label: "Free-text field", max: 500 },
};

export const FREE_TEXT_LABEL_MAX = 60;
/** Dropdowns longer than this are no form field (and would bloat every form page). */
export const MAX_FIELD_OPTIONS = 500;

const optionSchema = z.object({ value: z.string(), label: z.string() });

const mappedFieldSchema = z.object({
  property: z.string().min(1).max(100),
  /** The property's label in the CRM when the mapping was saved. */
  propertyLabel: z.string().max(300),
  /** The free-text field's label on the form. */
  label: z.string().max(FREE_TEXT_LABEL_MAX).optional(),
  /** Choice properties only: the options a visitor picks from. */
  options: z.array(optionSchema).max(MAX_FIELD_OPTIONS).optional(),
});

export type MappedField = z.infer<typeof mappedFieldSchema>;

const signupFieldsSchema = z.object({
  lastName: mappedFieldSchema.optional(),
  company: mappedFieldSchema.optional(),
  freeText: mappedFieldSchema.optional(),
});

/** The enabled fields, each with its mapping; absent = not on the form. */
export type SignupFields = z.infer<typeof signupFieldsSchema>;

export function parseSignupFields(stored: string | null | undefined): SignupFields {
  if (!stored) return {};
  try {
    const parsed = signupFieldsSchema.safeParse(JSON.parse(stored));
    if (parsed.success) return parsed.data;
  } catch {
    // Reported below: only Switchboard writes the column, so this is a bug, never a visitor's doing.
  }
  log.error("a tenant's signup fields could not be read; the form shows none of them");
  return {};
}

/** null when no field is enabled, so the column says "none" plainly. */
export function serializeSignupFields(fields: SignupFields): string | null {
  const enabled = Object.fromEntries(SIGNUP_FIELD_KEYS.flatMap((key) => (fields[key] ? [[key, fields[key]]] : [])));
  return Object.keys(enabled).length === 0 ? null : JSON.stringify(enabled);
}

export type EnabledField = { key: SignupFieldKey; label: string; max: number; mapping: MappedField };

/** The enabled fields in form order, each with the label the form shows. */
export function enabledFields(fields: SignupFields): EnabledField[] {
  return SIGNUP_FIELD_KEYS.flatMap((key) => {
    const mapping = fields[key];
    if (!mapping) return [];
    const rule = SIGNUP_FIELD_RULES[key];
    return [{ key, label: key === "freeText" ? (mapping.label ?? rule.label) : rule.label, max: rule.max, mapping }];
  });
}

/** A signup's answers to the optional fields (absent or null: not answered). */
export type SignupFieldValues = Partial<Record<SignupFieldKey, string | null>>;
