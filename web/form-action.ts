// The ONE wrapper of every form action outside a tenant (sign-in, forgot and reset password, the
// invitation forms, change password, the public subscribe form): zod → the flow → the one state.
// Flows throw AppError; it becomes the form's state through the same mapping as tenant actions
// (web/form-state.ts). Anything else is logged and answered generically. Next's own control flow
// (redirect, notFound) passes through untouched.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { AppError } from "@switchboard/lib/app-error";
import { log } from "@switchboard/lib/log";
import { formEntries, GENERIC_FAILURE, refusalState, type ActionOutcome, type ActionState } from "./form-state";

export type FormActionOptions<S extends z.ZodType> = {
  /** Names the form in logs. */
  name: string;
  schema: S;
  /** Fields sent back to refill the form after a refusal (never a password). */
  refill?: string[];
  /** What the person reads when something unexpected failed. */
  failure?: string;
};

export function formAction<S extends z.ZodType>(
  options: FormActionOptions<S>,
  run: (input: z.output<S>, formData: FormData) => Promise<ActionOutcome>,
): (previous: ActionState, formData: FormData) => Promise<ActionState> {
  return async (_previous, formData) => {
    const at = Date.now();
    const entries = formEntries(formData);
    const values = options.refill ? Object.fromEntries(options.refill.map((field) => [field, entries[field] ?? ""])) : undefined;
    try {
      const parsed = options.schema.safeParse(entries);
      if (!parsed.success) throw AppError.invalidInput(parsed.error);
      return { ...(await run(parsed.data, formData)), at };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof AppError) return refusalState(error, at, values);
      log.error("form action failed", { form: options.name, error });
      return { ok: false, message: options.failure ?? GENERIC_FAILURE, at, ...(values ? { values } : {}) };
    }
  };
}
