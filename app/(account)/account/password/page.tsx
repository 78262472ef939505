// /account/password — a signed-in person changes their password (signing out their other devices).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { MIN_PASSWORD_LENGTH } from "@switchboard/lib/auth/password-policy";
import { processRuntime } from "@switchboard/lib/runtime/process-runtime";
import { auth } from "@/web/auth";
import { AuthCard } from "@/components/shell/auth-card";
import { NewPasswordForm } from "@/components/form/new-password-form";
import { changeOwnPassword } from "./actions";

export const metadata: Metadata = { title: "Change password" };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ChangePasswordPage({ searchParams }: PageProps) {
  // Configuration is read at run time, never while building.
  await connection();
  if (processRuntime().env.AUTH_PASSWORD === "off") notFound();
  const session = await auth();
  const email = session?.user?.email;
  if (!session?.user?.id || !email) redirect("/login?callbackUrl=/account/password");
  const changed = (await searchParams).changed === "1";
  return (
    <AuthCard title="Change your password">
      {changed && (
        <p
          role="status"
          data-testid="password-changed"
          className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
        >
          Password changed. Your other devices have been signed out.
        </p>
      )}
      <p>Signed in as {email}. Changing the password signs you out on every other device.</p>
      <NewPasswordForm action={changeOwnPassword} email={email} minLength={MIN_PASSWORD_LENGTH} askCurrent submitLabel="Change password" />
      <Link href="/" className="block text-sm font-medium text-indigo-800 underline">
        Back to the dashboard
      </Link>
    </AuthCard>
  );
}
