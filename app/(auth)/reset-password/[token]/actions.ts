"use server";
// Choosing a new password from a reset link. Success ends every session of the account and sends
// the person to sign in with the new password.
import { redirect } from "next/navigation";
import { z } from "zod";
import { AppError, fieldErrorsOf } from "@switchboard/lib/app-error";
import { newPasswordSchema } from "@switchboard/lib/auth/password-policy";
import { db } from "@switchboard/lib/db";
import { log } from "@switchboard/lib/log";
import { oneTimeTokenSchema } from "@switchboard/lib/people/one-time-token";
import { resetPassword } from "@switchboard/lib/people/passwords/reset-password";
import type { NewPasswordFormState } from "@/components/form/new-password-form-state";

const resetSchema = z
  .object({ token: oneTimeTokenSchema, password: newPasswordSchema, confirmPassword: z.string() })
  .refine((form) => form.password === form.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match." });

export async function chooseNewPassword(_previous: NewPasswordFormState, formData: FormData): Promise<NewPasswordFormState> {
  const parsed = resetSchema.safeParse(Object.fromEntries(["token", "password", "confirmPassword"].map((key) => [key, String(formData.get(key) ?? "")])));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await resetPassword(db, parsed.data.token, parsed.data.password);
  } catch (error) {
    if (error instanceof AppError) return { message: error.message };
    log.error("password reset failed", { error });
    return { message: "Something went wrong on our side; your password was not changed. Please try again." };
  }
  redirect("/login?notice=password-reset");
}
