// The ONE state every form action hands back to its form — tenant actions (web/tenant-action.ts)
// and the forms outside a tenant (web/form-action.ts) alike — and the ONE mapping from an AppError to
// it. Client components import the types only.
import { AppError, type FieldErrors } from "@switchboard/lib/app-error";

/** What a form shows after an action: the outcome, a message, per-field errors, the values to
 * refill (never passwords), and `reveal`: a secret shown exactly once, never stored or logged. */
export type ActionState = {
  ok: boolean;
  message: string;
  at: number;
  fieldErrors?: FieldErrors;
  values?: Record<string, string>;
  retryAfterSeconds?: number;
  reveal?: string;
} | null;

/** An action's outcome: ok with a message, or a refusal the person can read. */
export type ActionOutcome = { ok: boolean; message: string; reveal?: string };

export const GENERIC_FAILURE = "Something went wrong on our side; nothing was changed. Please try again.";

export function refusalState(error: AppError, at: number, values?: Record<string, string>): ActionState {
  return {
    ok: false,
    message: error.message,
    at,
    ...(error.details.fieldErrors ? { fieldErrors: error.details.fieldErrors } : {}),
    ...(error.details.retryAfterSeconds ? { retryAfterSeconds: error.details.retryAfterSeconds } : {}),
    ...(values ? { values } : {}),
  };
}

/** Only text fields, first value wins: a file part has no business in these forms. */
export function formEntries(formData: FormData): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const [key, value] of formData)
    if (typeof value === "string" && !key.startsWith("$ACTION") && !(key in entries)) entries[key] = value;
  return entries;
}
