// What /api/v1 says about a tenant's optional form fields (last name, company, a free-text field):
// how each is mapped to a contact property of the newsletter's portal, and how a host changes that.
import { z } from "zod";
import { AppError } from "@/lib/app-error";
import { signupFieldsChangeSchema } from "@/lib/signups/fields/field-mapping";
import { enabledFields, SIGNUP_FIELD_KEYS, type SignupFields } from "@/lib/signups/fields/signup-fields";

const mappedFieldSchema = z
  .object({
    property: z.string().describe("The contact property the answers go to"),
    propertyLabel: z.string().describe("That property's label in HubSpot when the mapping was saved"),
    label: z.string().describe("What the form shows"),
    options: z
      .array(z.object({ value: z.string(), label: z.string() }))
      .nullable()
      .describe(
        "A dropdown (enumeration) property's options, as when the mapping was saved: an answer must be one of the values. Null for text",
      ),
  })
  .nullable();

export const signupFieldsSchema = z
  .object({ lastName: mappedFieldSchema, company: mappedFieldSchema, freeText: mappedFieldSchema })
  .describe("Optional fields of the signup form, each mapped to a contact property; null = not on the form")
  .meta({ id: "SignupFields" });

export const signupFieldsChangeBodySchema = signupFieldsChangeSchema
  .describe(
    "Per field: leave it out to keep it, null to take it off the form, or the contact property to map it to (the free-text field also needs its label). The property must exist in the portal, be writable (not read-only or calculated) and not unique, be a text or dropdown property, and not be email or firstname; one property per field. Checked against HubSpot when saved.",
  )
  .meta({ id: "SignupFieldsChange" });

export function signupFieldsView(fields: SignupFields): z.input<typeof signupFieldsSchema> {
  const view: z.input<typeof signupFieldsSchema> = { lastName: null, company: null, freeText: null };
  for (const field of enabledFields(fields)) {
    const { property, propertyLabel, options } = field.mapping;
    view[field.key] = { property, propertyLabel, label: field.label, options: options ?? null };
  }
  return view;
}

/** A refused mapping answers like any other bad body: the messages under the body's field, each naming the form field. */
export function asSignupFieldsProblem(error: unknown): unknown {
  if (!(error instanceof AppError) || error.code !== "invalid_input" || !error.details.fieldErrors) return error;
  const messages = SIGNUP_FIELD_KEYS.flatMap((key) => (error.details.fieldErrors?.[key] ?? []).map((message) => `${key}: ${message}`));
  return new AppError("invalid_input", error.message, { fieldErrors: { signupFields: messages } });
}
