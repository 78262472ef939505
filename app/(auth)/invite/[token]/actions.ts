"use server";
// Accepting an invitation from its link, through the one form-action wrapper: a new person sets
// name + password (and is signed in), or the person signed in with the invited email joins.
// Refusals come back as the form's state; nothing changes unless the invitation is accepted.
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { AppError } from "@switchboard/lib/app-error";
import { newPasswordSchema, personNameSchema } from "@switchboard/lib/auth/password-policy";
import { db } from "@switchboard/lib/runtime/process-runtime";
import { acceptInvitation } from "@switchboard/lib/people/invitations/accept-invitation";
import { oneTimeTokenSchema } from "@switchboard/lib/people/one-time-token";
import { auth, signIn } from "@/web/auth";
import { formAction } from "@/web/form-action";

const newAccountSchema = z
  .object({ token: oneTimeTokenSchema, name: personNameSchema, password: newPasswordSchema, confirmPassword: z.string() })
  .refine((form) => form.password === form.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match." });

const landingOf = (slug: string) => `/t/${slug}/integrations`;

export const acceptWithNewAccount = formAction(
  { name: "accept-invitation", schema: newAccountSchema, refill: ["name"] },
  async ({ token, name, password }) => {
    const accepted = await acceptInvitation(db, token, { kind: "new-account", name, password });
    try {
      await signIn("credentials", { email: accepted.email, password, redirectTo: landingOf(accepted.tenant.slug) });
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      // The account exists now; only the automatic sign-in failed (e.g. throttled): send them to sign in.
      redirect(`/login?callbackUrl=${encodeURIComponent(landingOf(accepted.tenant.slug))}`);
    }
    return { ok: true, message: `You joined ${accepted.tenant.name}.` };
  },
);

export const acceptAsSignedInUser = formAction(
  { name: "join-tenant", schema: z.object({ token: z.string().max(200) }) },
  async ({ token }) => {
    if (!oneTimeTokenSchema.safeParse(token).success) throw new AppError("invalid_input", "That link is not valid.");
    const userId = (await auth())?.user?.id;
    if (!userId) throw new AppError("unauthenticated", "Your session has ended: sign in again, then open the link once more.");
    const accepted = await acceptInvitation(db, token, { kind: "signed-in", userId });
    redirect(landingOf(accepted.tenant.slug));
  },
);
