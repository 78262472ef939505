"use server";
// Sign-in form submission. Credentials are checked (and throttled) inside next-auth's authorize;
// this action validates the form shape and turns next-auth's errors into one generic message.
import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { fieldErrorsOf } from "@switchboard/lib/app-error";
import { serverEnv } from "@switchboard/lib/env/server";
import { signIn } from "@/web/auth";
import { OIDC_PROVIDER_ID } from "@/web/oidc-provider";
import { safeRedirectPath } from "@switchboard/lib/auth/safe-redirect";
import { log } from "@switchboard/lib/log";
import {
  INVALID_CREDENTIALS_MESSAGE,
  PASSWORD_OFF_MESSAGE,
  THROTTLED_MESSAGE,
  UNEXPECTED_MESSAGE,
  type LoginFormState,
} from "./login-state";

const loginFormSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address.").pipe(z.email("Enter a valid email address.")),
  password: z.string().min(1, "Enter your password."),
});

export async function signInWithPassword(_previous: LoginFormState, formData: FormData): Promise<LoginFormState> {
  const parsed = loginFormSchema.safeParse({
    email: formData.get("email") ?? "",
    password: formData.get("password") ?? "",
  });
  const email = String(formData.get("email") ?? "");
  if (serverEnv().AUTH_PASSWORD === "off") return { email, message: PASSWORD_OFF_MESSAGE };
  if (!parsed.success) return { email, fieldErrors: fieldErrorsOf(parsed.error) };

  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeRedirectPath(formData.get("callbackUrl")),
    });
  } catch (error) {
    // signIn signals success by throwing Next's redirect, which must propagate untouched.
    if (!(error instanceof AuthError)) throw error;
    if (error instanceof CredentialsSignin) {
      return { email, message: error.code === "throttled" ? THROTTLED_MESSAGE : INVALID_CREDENTIALS_MESSAGE };
    }
    log.error("sign-in failed unexpectedly", { error, type: error.type });
    return { email, message: UNEXPECTED_MESSAGE };
  }
  return { email };
}

/** "Sign in with …": off to the identity provider; next-auth brings the person back to callbackUrl. */
export async function signInWithSso(formData: FormData): Promise<void> {
  await signIn(OIDC_PROVIDER_ID, { redirectTo: safeRedirectPath(formData.get("callbackUrl")) });
}
