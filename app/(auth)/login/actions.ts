"use server";
// Sign-in form submission, through the one form-action wrapper. Credentials are checked (and
// throttled) inside next-auth's authorize; this action turns next-auth's errors into AppErrors with
// one generic message for a wrong email or password.
import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { AppError } from "@switchboard/lib/app-error";
import { processRuntime } from "@switchboard/lib/runtime/process-runtime";
import { signIn } from "@/web/auth";
import { formAction } from "@/web/form-action";
import { OIDC_PROVIDER_ID } from "@/web/oidc-provider";
import { safeRedirectPath } from "@switchboard/lib/auth/safe-redirect";
import { log } from "@switchboard/lib/log";
import { INVALID_CREDENTIALS_MESSAGE, PASSWORD_OFF_MESSAGE, THROTTLED_MESSAGE, UNEXPECTED_MESSAGE } from "./login-state";

const loginFormSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address.").pipe(z.email("Enter a valid email address.")),
  password: z.string().min(1, "Enter your password."),
});

export const signInWithPassword = formAction(
  { name: "sign-in", schema: loginFormSchema, refill: ["email"], failure: UNEXPECTED_MESSAGE },
  async ({ email, password }, formData) => {
    if (processRuntime().env.AUTH_PASSWORD === "off") throw new AppError("forbidden", PASSWORD_OFF_MESSAGE);
    try {
      // Success is Next's redirect, which the wrapper lets through untouched.
      await signIn("credentials", { email, password, redirectTo: safeRedirectPath(formData.get("callbackUrl")) });
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      if (error instanceof CredentialsSignin) {
        throw error.code === "throttled"
          ? new AppError("rate_limited", THROTTLED_MESSAGE)
          : new AppError("unauthenticated", INVALID_CREDENTIALS_MESSAGE);
      }
      log.error("sign-in failed unexpectedly", { error, type: error.type });
      throw new AppError("unavailable", UNEXPECTED_MESSAGE);
    }
    return { ok: true, message: "Signed in." };
  },
);

/** "Sign in with …": off to the identity provider; next-auth brings the person back to callbackUrl. */
export async function signInWithSso(formData: FormData): Promise<void> {
  await signIn(OIDC_PROVIDER_ID, { redirectTo: safeRedirectPath(formData.get("callbackUrl")) });
}
