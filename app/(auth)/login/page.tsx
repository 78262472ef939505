import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { auth } from "@/web/auth";
import { safeRedirectPath } from "@switchboard/lib/auth/safe-redirect";
import { clientEnv } from "@switchboard/lib/env/client";
import { LoginForm } from "./login-form";
import { processRuntime } from "@switchboard/lib/runtime/process-runtime";
import { signInWithSso } from "./actions";
import { INVALID_CREDENTIALS_MESSAGE, SSO_REFUSED_MESSAGE, THROTTLED_MESSAGE, UNEXPECTED_MESSAGE } from "./login-state";

export const metadata: Metadata = { title: "Sign in" };

type LoginPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: LoginPageProps) {
  const params = await searchParams;
  const callbackUrl = safeRedirectPath(params.callbackUrl);
  const session = await auth();
  if (session?.user?.id) redirect(callbackUrl);

  // next-auth sends failures of direct API sign-ins here as ?error=…&code=…; same wording as the form.
  const initialMessage = messageForAuthError(params.error, params.code);
  const notice = typeof params.notice === "string" ? notices[params.notice] : undefined;
  const env = processRuntime().env;
  const passwordSignIn = env.AUTH_PASSWORD === "on";
  const ssoName = env.OIDC_ISSUER ? env.OIDC_NAME : null;

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm space-y-6">
        <div className="space-y-1 text-center">
          <p className="text-sm font-semibold tracking-wide text-indigo-700">{clientEnv.NEXT_PUBLIC_PRODUCT_NAME}</p>
          <h1 className="text-2xl font-semibold text-slate-900">Sign in to your dashboard</h1>
        </div>
        {notice && (
          <p
            role="status"
            data-testid="login-notice"
            className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
          >
            {notice}
          </p>
        )}
        <section aria-label="Sign-in form" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          {ssoName && (
            <form action={signInWithSso}>
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <button
                type="submit"
                className="w-full rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-100"
              >
                Sign in with {ssoName}
              </button>
            </form>
          )}
          {!passwordSignIn && initialMessage && (
            <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
              {initialMessage}
            </p>
          )}
          {passwordSignIn && (
            <>
              <LoginForm callbackUrl={callbackUrl} initialMessage={initialMessage} />
              <p className="text-center text-sm">
                <Link href="/forgot-password" className="font-medium text-indigo-800 underline">
                  Forgot password?
                </Link>
              </p>
            </>
          )}
        </section>
      </div>
    </main>
  );
}

const notices: Record<string, string> = {
  "password-reset": "Your password was changed and every session ended. Sign in with the new password.",
  "password-changed": "Your password was changed. Sign in with the new password.",
};

function messageForAuthError(error: unknown, code: unknown): string | undefined {
  if (!error) return undefined;
  if (error === "AccessDenied") return SSO_REFUSED_MESSAGE;
  if (error !== "CredentialsSignin") return UNEXPECTED_MESSAGE;
  return code === "throttled" ? THROTTLED_MESSAGE : INVALID_CREDENTIALS_MESSAGE;
}
