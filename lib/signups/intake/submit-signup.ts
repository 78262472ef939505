// The one path every public signup takes (page form and API alike): validation, bot check,
// durable write. Callers add transport concerns (rate limit, CORS, status codes).
import { recordSignup, type SignupStore, type SignupTenant } from "../record-signup";
import { newSignupId } from "../signup-id";
import { fieldErrorsOf } from "@/lib/app-error";
import { isHoneypotFilled, signupInputSchema, type SignupFieldErrors } from "../signup-input";

export type SubmitOutcome =
  | { kind: "accepted"; id: string }
  | { kind: "invalid"; fieldErrors: SignupFieldErrors };

export async function submitSignup(store: SignupStore, tenant: SignupTenant, fields: Record<string, unknown>): Promise<SubmitOutcome> {
  // Validation first: were the trap checked before it, a bot could fill fields one at a time and
  // see which one turns a 422 into a 202.
  const parsed = signupInputSchema.safeParse(fields);
  if (!parsed.success) return { kind: "invalid", fieldErrors: fieldErrorsOf(parsed.error) as SignupFieldErrors };
  // A bot gets exactly what a person gets (a fresh id, like every accepted signup), so it cannot
  // learn that it was caught.
  if (isHoneypotFilled(fields)) return { kind: "accepted", id: newSignupId() };
  const { id } = await recordSignup(store, tenant, parsed.data);
  return { kind: "accepted", id };
}
