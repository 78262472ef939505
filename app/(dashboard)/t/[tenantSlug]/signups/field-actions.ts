"use server";
// The form's optional fields and the contact properties they go to (admins only), through the one
// tenant-action wrapper. The checks against the portal's properties are lib's (saveSignupFields).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { AppError, type FieldErrors } from "@switchboard/lib/app-error";
import { memberActor } from "@switchboard/lib/people/people-actor";
import { runtimeFieldMapping, saveSignupFields, signupFieldsChangeSchema } from "@switchboard/lib/signups/fields/field-mapping";
import { tenantAction } from "@/web/tenant-action";

// "" = not on the form; the names are checked against the portal, not here.
const chosenProperty = z.string().trim().max(100);

export const saveFormFields = tenantAction(
  {
    minRole: "ADMIN",
    fields: {
      lastNameProperty: chosenProperty,
      companyProperty: chosenProperty,
      freeTextProperty: chosenProperty,
      freeTextLabel: z.string().max(500).optional(),
    },
  },
  async (input, { tenant, access, runtime }) => {
    const change = signupFieldsChangeSchema.safeParse({
      lastName: input.lastNameProperty ? { property: input.lastNameProperty } : null,
      company: input.companyProperty ? { property: input.companyProperty } : null,
      freeText: input.freeTextProperty ? { property: input.freeTextProperty, label: input.freeTextLabel ?? "" } : null,
    });
    if (!change.success)
      throw new AppError("invalid_input", "Some form fields need attention.", { fieldErrors: formErrorsOf(change.error) });
    const actor = memberActor(access.user, access.role);
    const saved = await saveSignupFields(runtime.db, tenant.id, change.data, runtimeFieldMapping(runtime), actor);
    revalidatePath(`/t/${tenant.slug}/signups`);
    const count = Object.keys(saved).length;
    return { ok: true, message: count === 0 ? "The form asks for the email address and first name only." : "Form fields saved." };
  },
);

/** The free-text field's label has a box of its own on the form; the rest sit under their field's property. */
function formErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0] === "freeText" && issue.path[1] === "label" ? "freeTextLabel" : String(issue.path[0] ?? "form");
    (errors[field] ??= []).push(issue.message);
  }
  return errors;
}
