// The consent side of one connection: permissions it lacks (and how to grant them), the
// subscription step's cost per signup, and the marketing-contact count with its explanation.
import type { ConsentPanelFacts } from "@switchboard/lib/signups/consent/consent-panels";

/** What the panel shows: the facts lib/signups/consent/consent-panels.ts gathers for a connection. */
export type ConsentPanelView = ConsentPanelFacts;

export function ConsentPanel({ view }: { view: ConsentPanelView }) {
  return (
    <section
      aria-label="Newsletter consent in HubSpot"
      data-testid="consent-panel"
      className="mt-4 space-y-2 rounded-md bg-slate-50 p-4 text-sm text-slate-800"
    >
      {view.missingRequired.length > 0 ? (
        <p className="font-medium text-amber-900" data-testid="reconnect-for-permissions">
          Reconnect to grant new permissions: Switchboard now needs {view.missingRequired.join(", ")} (HubSpot&apos;s webhooks about
          contacts need it). Use Reconnect below and approve the new permissions in HubSpot.
        </p>
      ) : null}
      {!view.subscriptionScopeGranted ? (
        <p data-testid="subscription-scope-missing">
          Subscription status: not written. This portal did not grant {view.subscriptionScope}, so contacts are created without a newsletter
          subscription. To grant it, use Reconnect below and approve the communication preferences permission (the portal needs Marketing
          Hub Starter or higher).
        </p>
      ) : !view.subscriptionChosen ? (
        <p>Subscription status: choose the newsletter&apos;s subscription type on the Signups page.</p>
      ) : (
        <p data-testid="subscription-summary">
          Subscription status: {view.subscribed} subscribed with consent, {view.optedOut} opted out in HubSpot (left untouched)
          {view.subscriptionsOfLatest ? `, among the latest ${view.subscriptionsOfLatest.toLocaleString("en-US")} synced contacts` : ""}.
        </p>
      )}
      <p data-testid="calls-per-signup">
        HubSpot requests per new signup: {view.callsPerSignup} (from this portal&apos;s shared rate budget).
      </p>
      {view.marketingSentence ? (
        <p data-testid="marketing-summary">
          <strong>{view.marketingSentence}.</strong> {view.marketingExplanation}
        </p>
      ) : null}
    </section>
  );
}
