"use server";
// "Forgot password?": the answer is the same whether or not the address has an account, and the
// lookup and mail happen after the response (next/server `after`), so its timing says nothing either.
import { after } from "next/server";
import { z } from "zod";
import { fieldErrorsOf } from "@switchboard/lib/app-error";
import { emailAddressSchema } from "@switchboard/lib/auth/password-policy";
import { log } from "@switchboard/lib/log";
import { requestPasswordReset } from "@switchboard/lib/people/passwords/request-password-reset";
import { processRuntime } from "@switchboard/lib/runtime/process-runtime";
import type { ForgotFormState } from "./forgot-form-state";

const forgotSchema = z.object({ email: emailAddressSchema });

export async function requestResetLink(_previous: ForgotFormState, formData: FormData): Promise<ForgotFormState> {
  const parsed = forgotSchema.safeParse({ email: String(formData.get("email") ?? "") });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  const { email } = parsed.data;
  after(async () => {
    try {
      const { db, mailer, links } = processRuntime();
      await requestPasswordReset(db, mailer, email, links);
    } catch (error) {
      log.error("password reset request failed", { error });
    }
  });
  return { sentTo: email };
}
