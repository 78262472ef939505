import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { auth } from "@/web/auth";
import { safeRedirectPath } from "@switchboard/lib/auth/safe-redirect";
import { clientEnv } from "@switchboard/lib/env/client";
import { LoginForm } from "./login-form";
import { INVALID_CREDENTIALS_MESSAGE, THROTTLED_MESSAGE, UNEXPECTED_MESSAGE } from "./login-state";

export const metadata: Metadata = { title: "Sign in" };

type LoginPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: LoginPageProps) {
  const params = await searchParams;
  const callbackUrl = safeRedirectPath(params.callbackUrl);
  const session = await auth();
  if (session?.user?.id) redirect(callbackUrl);

  // next-auth sends failures of direct API sign-ins here as ?error=…&code=…; same wording as the form.
  const initialMessage = messageForAuthError(params.error, params.code);

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm space-y-6">
        <div className="space-y-1 text-center">
          <p className="text-sm font-semibold tracking-wide text-indigo-700">{clientEnv.NEXT_PUBLIC_PRODUCT_NAME}</p>
          <h1 className="text-2xl font-semibold text-slate-900">Sign in to your dashboard</h1>
        </div>
        <section aria-label="Sign-in form" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <LoginForm callbackUrl={callbackUrl} initialMessage={initialMessage} />
        </section>
      </div>
    </main>
  );
}

function messageForAuthError(error: unknown, code: unknown): string | undefined {
  if (!error) return undefined;
  if (error !== "CredentialsSignin") return UNEXPECTED_MESSAGE;
  return code === "throttled" ? THROTTLED_MESSAGE : INVALID_CREDENTIALS_MESSAGE;
}
