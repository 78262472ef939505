// The one path every public signup takes (page form and API alike): bot check, validation,
// durable write. Callers add transport concerns (rate limit, CORS, status codes).
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/create-client";
import { recordSignup, type SignupTenant } from "../record-signup";
import { fieldErrorsOf, isHoneypotFilled, signupInputSchema, type SignupFieldErrors } from "../signup-input";

export type SubmitOutcome =
  | { kind: "accepted"; id: string }
  | { kind: "invalid"; fieldErrors: SignupFieldErrors };

export async function submitSignup(db: Db, tenant: SignupTenant, fields: Record<string, unknown>): Promise<SubmitOutcome> {
  // A bot gets exactly what a person gets, so it cannot learn that it was caught.
  if (isHoneypotFilled(fields)) return { kind: "accepted", id: decoyId() };
  const parsed = signupInputSchema.safeParse(fields);
  if (!parsed.success) return { kind: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const { id } = await recordSignup(db, tenant, parsed.data);
  return { kind: "accepted", id };
}

/** Shaped like our cuid ids so the answer to a bot looks like any other. */
function decoyId(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  const bytes = randomBytes(24);
  return "c" + Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join("");
}
