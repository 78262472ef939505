// /unsubscribe/{token} — the unsubscribe link in a tenant's newsletters. Looking changes nothing;
// the button is a plain form POST to this same URL, the very request a mail client sends for
// RFC 8058 one-click unsubscribe (proxy.ts hands it to app/api/unsubscribe/[token]/route.ts).
import type { Metadata } from "next";
import { db, processRuntime } from "@switchboard/lib/runtime/process-runtime";
import { unsubscribeLinksOf } from "@switchboard/lib/signups/consent/configured-unsubscribe-links";
import { findUnsubscribe } from "@switchboard/lib/signups/consent/find-unsubscribe";
import { AuthCard } from "@/components/shell/auth-card";

export const metadata: Metadata = { title: "Unsubscribe", referrer: "no-referrer" };

export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const lookup = await findUnsubscribe(db, unsubscribeLinksOf(processRuntime().env).key, token);
  if (lookup.state === "invalid") {
    return (
      <AuthCard title="This unsubscribe link is not valid">
        <p data-testid="unsubscribe-problem">
          Check that you opened the whole link from the email. If you keep getting mail you did not ask for, reply to it and ask to be
          removed.
        </p>
      </AuthCard>
    );
  }
  if (lookup.state === "unsubscribed") {
    return (
      <AuthCard title="You are unsubscribed">
        <p data-testid="unsubscribe-done">
          {lookup.email} will get no more of the {lookup.tenantName} newsletter.
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={`Unsubscribe from ${lookup.tenantName}`}>
      <p>
        Stop sending the {lookup.tenantName} newsletter to <strong>{lookup.email}</strong>?
      </p>
      <form method="post">
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <button type="submit" className="w-full rounded-md bg-indigo-700 px-4 py-2 font-semibold text-white hover:bg-indigo-800">
          Unsubscribe
        </button>
      </form>
    </AuthCard>
  );
}
