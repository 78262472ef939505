"use server";
// "Forgot password?": the answer is the same whether or not the address has an account, and the
// lookup and mail happen after the response (next/server `after`), so its timing says nothing either.
import { after } from "next/server";
import { z } from "zod";
import { AppError } from "@switchboard/lib/app-error";
import { emailAddressSchema } from "@switchboard/lib/auth/password-policy";
import { log } from "@switchboard/lib/log";
import { requestPasswordReset } from "@switchboard/lib/people/passwords/request-password-reset";
import { processRuntime } from "@switchboard/lib/runtime/process-runtime";
import { formAction } from "@/web/form-action";

export const requestResetLink = formAction(
  { name: "forgot-password", schema: z.object({ email: emailAddressSchema }) },
  async ({ email }) => {
    after(async () => {
      try {
        const { db, mailer, links } = processRuntime();
        await requestPasswordReset(db, mailer, email, links);
      } catch (error) {
        // Past the hourly limit nothing is sent, and the person is told nothing different.
        if (error instanceof AppError && error.code === "rate_limited") log.info("password reset link withheld", { reason: error.message });
        else log.error("password reset request failed", { error });
      }
    });
    return {
      ok: true,
      message: `If an account exists for ${email}, we have sent it a link to choose a new password. The link works once, for one hour.`,
    };
  },
);
