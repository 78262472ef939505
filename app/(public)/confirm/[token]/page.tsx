// /confirm/{token} — where a double opt-in mail's link lands. Looking changes nothing (mail
// scanners follow links); the button posts the confirmation. Every unusable link gets a page
// saying why.
import type { Metadata } from "next";
import { db } from "@switchboard/lib/runtime/process-runtime";
import { confirmationStateMessages, findConfirmation } from "@switchboard/lib/signups/consent/confirm-signup";
import { AuthCard } from "@/components/shell/auth-card";
import { confirmSubscription } from "./actions";

export const metadata: Metadata = { title: "Confirm your subscription", referrer: "no-referrer" };

type ConfirmPageProps = { params: Promise<{ token: string }>; searchParams: Promise<{ confirmed?: string }> };

export default async function ConfirmPage({ params, searchParams }: ConfirmPageProps) {
  const { token } = await params;
  const lookup = await findConfirmation(db, token);
  if (lookup.state === "used" && (await searchParams).confirmed === "1") {
    return (
      <AuthCard title="You are subscribed">
        <p data-testid="confirmation-done">
          Thank you: your subscription is confirmed. You can unsubscribe at any time from any email you receive.
        </p>
      </AuthCard>
    );
  }
  if (lookup.state !== "pending") {
    const { title, body } = confirmationStateMessages[lookup.state === "confirmed" ? "used" : lookup.state];
    return (
      <AuthCard title={title}>
        <p data-testid="confirmation-problem">{body}</p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={`Confirm your subscription to ${lookup.tenantName}`}>
      <p>
        Subscribe <strong>{lookup.email}</strong> to the {lookup.tenantName} newsletter, agreeing to:
      </p>
      <blockquote data-testid="consent-text" className="border-l-4 border-indigo-300 pl-3 text-slate-900">
        {lookup.consentText}
      </blockquote>
      <form action={confirmSubscription}>
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="w-full rounded-md bg-indigo-700 px-4 py-2 font-semibold text-white hover:bg-indigo-800">
          Confirm my subscription
        </button>
      </form>
      <p className="text-sm text-slate-600">Did not sign up? Close this page: without confirming, you are not subscribed.</p>
    </AuthCard>
  );
}
