// /forgot-password — asks for an email and mails a reset link if it belongs to an account.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { processRuntime } from "@switchboard/lib/runtime/process-runtime";
import { AuthCard } from "@/components/shell/auth-card";
import { ForgotForm } from "./forgot-form";

export const metadata: Metadata = { title: "Forgot password" };

// Rendered per request: AUTH_PASSWORD is read when the server runs, not when it was built.
export default async function ForgotPasswordPage() {
  await connection();
  if (processRuntime().env.AUTH_PASSWORD === "off") notFound();
  return (
    <AuthCard title="Reset your password">
      <ForgotForm />
      <Link href="/login" className="block text-sm font-medium text-indigo-800 underline">
        Back to sign-in
      </Link>
    </AuthCard>
  );
}
