// What a visitor (or the host's backend) may answer in the tenant's optional form fields: text by the
// one display-text rule, within each field's length, and for a dropdown one of the options the
// mapping keeps. Empty counts as not answered (the contact's property is then left as it is).
// `disabledFields` says what becomes of answers to fields the tenant has not enabled: the public
// intake drops them (an embedded form may lag behind the settings, and the signup must not be lost),
// the host's API refuses them so an integration mistake shows at once.
import { z } from "zod";
import { displayTextSchema } from "@/lib/display-text";
import { enabledFields, SIGNUP_FIELD_KEYS, type MappedField, type SignupFields } from "./signup-fields";

const OPTIONS_NAMED_IN_MESSAGES = 10;
const FIELD_NOUNS = { lastName: "last name", company: "company", freeText: "free-text" } as const;

type AnswersSchema = z.ZodType<Partial<Record<(typeof SIGNUP_FIELD_KEYS)[number], string>>>;

// Intake is a hot path and the public tenant (with its fields) is remembered for a while: one schema
// per fields object and mode, not one per request.
const built = new WeakMap<SignupFields, Map<"drop" | "refuse", AnswersSchema>>();

export function signupFieldValuesSchema(fields: SignupFields, disabledFields: "drop" | "refuse"): AnswersSchema {
  let schemas = built.get(fields);
  if (!schemas) built.set(fields, (schemas = new Map()));
  let schema = schemas.get(disabledFields);
  if (!schema) schemas.set(disabledFields, (schema = buildSchema(fields, disabledFields)));
  return schema;
}

function buildSchema(fields: SignupFields, disabledFields: "drop" | "refuse"): AnswersSchema {
  const shape: Record<string, z.ZodType<string | undefined>> = {};
  for (const field of enabledFields(fields)) shape[field.key] = answerSchema(field.label, field.max, field.mapping);
  if (disabledFields === "refuse") {
    for (const key of SIGNUP_FIELD_KEYS) {
      if (fields[key]) continue;
      const message = `This tenant's form has no ${FIELD_NOUNS[key]} field; enable it on the signups page first.`;
      shape[key] = z
        .union([z.literal(""), z.null(), z.undefined()], { error: message })
        .transform(() => undefined)
        .optional();
    }
  }
  return z.object(shape) as AnswersSchema;
}

function answerSchema(label: string, max: number, mapping: MappedField) {
  const text = z
    .union([z.string(), z.null(), z.undefined()], { error: `${label} must be text.` })
    .transform((value) => value ?? "")
    .pipe(displayTextSchema({ label, max }))
    .transform((value) => (value === "" ? undefined : value));
  const options = mapping.options;
  if (!options) return text.optional();
  const values = new Set(options.map((option) => option.value));
  return text.refine((value) => value === undefined || values.has(value), { message: oneOf(label, options) }).optional();
}

function oneOf(label: string, options: { value: string; label: string }[]): string {
  const named = options.slice(0, OPTIONS_NAMED_IN_MESSAGES).map((option) => JSON.stringify(option.value));
  const more = options.length > named.length ? ` and ${options.length - named.length} more` : "";
  return `${label} must be one of: ${named.join(", ")}${more}.`;
}
