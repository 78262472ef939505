"use server";
// A signed-in person changes their password, through the one form-action wrapper. The current
// password is checked under the sign-in throttle; every session of the account ends (other devices
// are signed out); this device is signed in again at once with the new password.
import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { newPasswordSchema } from "@switchboard/lib/auth/password-policy";
import { db } from "@switchboard/lib/runtime/process-runtime";
import { clientIpFrom } from "@switchboard/lib/http/client-ip";
import { changePassword } from "@switchboard/lib/people/passwords/change-password";
import { auth, signIn } from "@/web/auth";
import { formAction } from "@/web/form-action";

const changeSchema = z
  .object({ currentPassword: z.string().min(1, "Enter your current password."), password: newPasswordSchema, confirmPassword: z.string() })
  .refine((form) => form.password === form.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match." });

export const changeOwnPassword = formAction(
  {
    name: "change-password",
    schema: changeSchema,
    failure: "Something went wrong on our side; your password was not changed. Please try again.",
  },
  async ({ currentPassword, password }) => {
    const userId = (await auth())?.user?.id;
    if (!userId) redirect("/login?callbackUrl=/account/password");
    const { email } = await changePassword(db, userId, { currentPassword, newPassword: password, ip: clientIpFrom(await headers()) });
    try {
      await signIn("credentials", { email, password, redirectTo: "/account/password?changed=1" });
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      redirect("/login?notice=password-changed");
    }
    return { ok: true, message: "Password changed." };
  },
);
