// /invite/{token} — where an invitation link lands. Every unusable link (malformed, unknown,
// expired, used, revoked) gets a page saying why; a usable one lets a new person create their
// account, or the person signed in as the invited email join.
import type { Metadata } from "next";
import Link from "next/link";
import { MIN_PASSWORD_LENGTH } from "@switchboard/lib/auth/password-policy";
import { db, processRuntime } from "@switchboard/lib/runtime/process-runtime";
import { findInvitation, invitationStateMessages } from "@switchboard/lib/people/invitations/find-invitation";
import { auth } from "@/web/auth";
import { AuthCard } from "@/components/shell/auth-card";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { JoinForm } from "./join-form";
import { NewAccountForm } from "./new-account-form";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const lookup = await findInvitation(db, token);
  if (lookup.state !== "pending") {
    const { title, body } = invitationStateMessages[lookup.state];
    return (
      <AuthCard title={title}>
        <p data-testid="invitation-problem">{body}</p>
        <Link href="/login" className="text-sm font-medium text-indigo-800 underline">
          Go to sign-in
        </Link>
      </AuthCard>
    );
  }

  const { invitation } = lookup;
  const session = await auth();
  const signedInEmail = session?.user?.email?.toLowerCase() ?? null;
  const intro = (
    <p>
      {invitation.invitedByLabel} invited <strong>{invitation.email}</strong> to <strong>{invitation.tenant.name}</strong> as{" "}
      {invitation.role.toLowerCase()}.
    </p>
  );
  const signInHere = `/login?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`;

  return (
    <AuthCard title={`Join ${invitation.tenant.name}`}>
      {intro}
      {signedInEmail === invitation.email ? (
        <JoinForm token={token} tenantName={invitation.tenant.name} />
      ) : signedInEmail ? (
        <>
          <p data-testid="invitation-problem">
            You are signed in as {signedInEmail}, but this invitation is for {invitation.email}. Sign out, then open the link again.
          </p>
          <SignOutButton className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-100" />
        </>
      ) : invitation.accountExists || processRuntime().env.AUTH_PASSWORD === "off" ? (
        <p>
          <Link href={signInHere} className="font-medium text-indigo-800 underline">
            Sign in as {invitation.email}
          </Link>{" "}
          to accept.
        </p>
      ) : (
        <NewAccountForm token={token} email={invitation.email} minLength={MIN_PASSWORD_LENGTH} />
      )}
    </AuthCard>
  );
}
