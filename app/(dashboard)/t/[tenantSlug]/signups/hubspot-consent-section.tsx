// The newsletter's HubSpot subscription type on the signups page (admins choose it).
import type { SubscriptionTypeChoice } from "@switchboard/lib/signups/consent/newsletter-subscription-type";
import { saveSubscriptionType } from "./subscription-actions";
import { SubscriptionTypeForm } from "./subscription-type-form";

export function HubspotConsentSection({ tenantSlug, choice }: { tenantSlug: string; choice: SubscriptionTypeChoice | null }) {
  return (
    <section aria-labelledby="hubspot-consent-heading" className="space-y-3">
      <h2 id="hubspot-consent-heading" className="text-lg font-semibold text-slate-900">Newsletter consent in HubSpot</h2>
      {choice === null ? null : choice.kind === "ready" ? (
        <>
          <p className="text-sm text-slate-700">
            Synced contacts are subscribed to this type with the legal basis “consent with notice” and your consent text
            as the explanation — unless they opted out in HubSpot, which Switchboard never overrides.
          </p>
          <SubscriptionTypeForm action={saveSubscriptionType} tenantSlug={tenantSlug} types={choice.types} chosenId={choice.chosenId} />
        </>
      ) : (
        <p className="text-sm text-slate-800" data-testid="subscription-type-unavailable">
          {choice.kind === "no-connection"
            ? "Connect HubSpot to choose the newsletter's subscription type."
            : choice.kind === "scope-missing"
              ? `The portal did not grant ${choice.scope}: contacts are created without a subscription. Reconnect on the Integrations page and approve the communication preferences permission.`
              : `HubSpot's subscription types could not be read just now (${choice.reason}).`}
        </p>
      )}
    </section>
  );
}
