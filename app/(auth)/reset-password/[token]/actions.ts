"use server";
// Choosing a new password from a reset link, through the one form-action wrapper. Success ends
// every session of the account and sends the person to sign in with the new password.
import { redirect } from "next/navigation";
import { z } from "zod";
import { newPasswordSchema } from "@switchboard/lib/auth/password-policy";
import { db } from "@switchboard/lib/runtime/process-runtime";
import { oneTimeTokenSchema } from "@switchboard/lib/people/one-time-token";
import { resetPassword } from "@switchboard/lib/people/passwords/reset-password";
import { formAction } from "@/web/form-action";

const resetSchema = z
  .object({ token: oneTimeTokenSchema, password: newPasswordSchema, confirmPassword: z.string() })
  .refine((form) => form.password === form.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match." });

export const chooseNewPassword = formAction(
  {
    name: "reset-password",
    schema: resetSchema,
    failure: "Something went wrong on our side; your password was not changed. Please try again.",
  },
  async ({ token, password }) => {
    await resetPassword(db, token, password);
    redirect("/login?notice=password-reset");
  },
);
