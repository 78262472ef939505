"use server";
// A signed-in person changes their password. Every session of the account ends (other devices are
// signed out); this device is signed in again at once with the new password.
import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { AppError, fieldErrorsOf } from "@switchboard/lib/app-error";
import { newPasswordSchema } from "@switchboard/lib/auth/password-policy";
import { db } from "@switchboard/lib/db";
import { clientIpFrom } from "@switchboard/lib/http/client-ip";
import { log } from "@switchboard/lib/log";
import { changePassword } from "@switchboard/lib/people/passwords/change-password";
import { auth, signIn } from "@/web/auth";
import type { NewPasswordFormState } from "@/components/form/new-password-form-state";

const changeSchema = z
  .object({ currentPassword: z.string().min(1, "Enter your current password."), password: newPasswordSchema, confirmPassword: z.string() })
  .refine((form) => form.password === form.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match." });

export async function changeOwnPassword(_previous: NewPasswordFormState, formData: FormData): Promise<NewPasswordFormState> {
  const userId = (await auth())?.user?.id;
  if (!userId) redirect("/login?callbackUrl=/account/password");
  const parsed = changeSchema.safeParse(Object.fromEntries(["currentPassword", "password", "confirmPassword"].map((key) => [key, String(formData.get(key) ?? "")])));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  let email: string;
  try {
    ({ email } = await changePassword(db, userId, { currentPassword: parsed.data.currentPassword, newPassword: parsed.data.password, ip: clientIpFrom(await headers()) }));
  } catch (error) {
    if (error instanceof AppError) return { message: error.message, ...(error.details.fieldErrors ? { fieldErrors: error.details.fieldErrors } : {}) };
    log.error("password change failed", { error });
    return { message: "Something went wrong on our side; your password was not changed. Please try again." };
  }
  try {
    await signIn("credentials", { email, password: parsed.data.password, redirectTo: "/account/password?changed=1" });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    redirect("/login?notice=password-changed");
  }
  return {};
}
