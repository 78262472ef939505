"use server";
// Accepting an invitation from its link: a new person sets name + password (and is signed in), or
// the person signed in with the invited email joins. Refusals come back as a message; nothing
// changes unless the invitation is accepted.
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { AppError, fieldErrorsOf } from "@switchboard/lib/app-error";
import { newPasswordSchema, personNameSchema } from "@switchboard/lib/auth/password-policy";
import { db } from "@switchboard/lib/db";
import { log } from "@switchboard/lib/log";
import { acceptInvitation, type Acceptor } from "@switchboard/lib/people/invitations/accept-invitation";
import { oneTimeTokenSchema } from "@switchboard/lib/people/one-time-token";
import { auth, signIn } from "@/web/auth";
import type { AcceptFormState } from "./accept-form-state";

const newAccountSchema = z
  .object({ token: oneTimeTokenSchema, name: personNameSchema, password: newPasswordSchema, confirmPassword: z.string() })
  .refine((form) => form.password === form.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match." });

const landingOf = (slug: string) => `/t/${slug}/integrations`;

export async function acceptWithNewAccount(_previous: AcceptFormState, formData: FormData): Promise<AcceptFormState> {
  const parsed = newAccountSchema.safeParse(Object.fromEntries(["token", "name", "password", "confirmPassword"].map((key) => [key, String(formData.get(key) ?? "")])));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), name: String(formData.get("name") ?? "") };
  const { token, name, password } = parsed.data;
  const accepted = await accept(token, { kind: "new-account", name, password });
  if ("message" in accepted) return { ...accepted, name };
  try {
    await signIn("credentials", { email: accepted.email, password, redirectTo: landingOf(accepted.tenant.slug) });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    // The account exists now; only the automatic sign-in failed (e.g. throttled): send them to sign in.
    redirect(`/login?callbackUrl=${encodeURIComponent(landingOf(accepted.tenant.slug))}`);
  }
  return {};
}

export async function acceptAsSignedInUser(_previous: AcceptFormState, formData: FormData): Promise<AcceptFormState> {
  const token = oneTimeTokenSchema.safeParse(formData.get("token"));
  const userId = (await auth())?.user?.id;
  if (!token.success) return { message: "That link is not valid." };
  if (!userId) return { message: "Your session has ended: sign in again, then open the link once more." };
  const accepted = await accept(token.data, { kind: "signed-in", userId });
  if ("message" in accepted) return accepted;
  redirect(landingOf(accepted.tenant.slug));
}

async function accept(token: string, acceptor: Acceptor) {
  try {
    return await acceptInvitation(db, token, acceptor);
  } catch (error) {
    if (error instanceof AppError) return { message: error.message };
    log.error("accepting an invitation failed", { error });
    return { message: "Something went wrong on our side; nothing was changed. Please try again." };
  }
}
