// /reset-password/{token} — where a reset link lands: a new-password form, or a page saying why
// the link cannot be used (malformed, unknown, expired, used).
import type { Metadata } from "next";
import Link from "next/link";
import { MIN_PASSWORD_LENGTH } from "@switchboard/lib/auth/password-policy";
import { db } from "@switchboard/lib/runtime/process-runtime";
import { findPasswordReset, resetLinkMessages } from "@switchboard/lib/people/passwords/reset-password";
import { AuthCard } from "@/components/shell/auth-card";
import { NewPasswordForm } from "@/components/form/new-password-form";
import { chooseNewPassword } from "./actions";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await findPasswordReset(db, token);
  if (link.state !== "valid") {
    const { title, body } = resetLinkMessages[link.state];
    return (
      <AuthCard title={title}>
        <p data-testid="reset-problem">{body}</p>
        <Link href="/forgot-password" className="text-sm font-medium text-indigo-800 underline">
          Ask for a new link
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose a new password">
      <p>For {link.email}. Choosing a new password signs this account out everywhere.</p>
      <NewPasswordForm
        action={chooseNewPassword}
        hidden={{ token }}
        email={link.email}
        minLength={MIN_PASSWORD_LENGTH}
        submitLabel="Save the new password"
      />
    </AuthCard>
  );
}
