// The newsletter's HubSpot choices on the signups page (admins): the subscription type synced
// contacts are subscribed to, and optionally a static list they all join.
import type { ListChoice } from "@switchboard/lib/signups/consent/newsletter-list";
import type { SubscriptionTypeChoice } from "@switchboard/lib/signups/consent/newsletter-subscription-type";
import { saveNewsletterList, saveSubscriptionType } from "./subscription-actions";
import { HubspotChoiceForm } from "./hubspot-choice-form";

export function HubspotConsentSection({
  tenantSlug,
  choice,
  lists,
}: {
  tenantSlug: string;
  choice: SubscriptionTypeChoice | null;
  lists: ListChoice | null;
}) {
  return (
    <section aria-labelledby="hubspot-consent-heading" className="space-y-3">
      <h2 id="hubspot-consent-heading" className="text-lg font-semibold text-slate-900">
        Newsletter in HubSpot
      </h2>
      {choice === null ? null : choice.kind === "ready" ? (
        <>
          <p className="text-sm text-slate-700">
            Synced contacts are subscribed to this type with the legal basis “consent with notice” and your consent text as the explanation
            — unless they opted out in HubSpot, which Switchboard never overrides.
          </p>
          <HubspotChoiceForm
            action={saveSubscriptionType}
            tenantSlug={tenantSlug}
            field="subscriptionId"
            label="Newsletter subscription type"
            noneLabel="None: create contacts only"
            buttonLabel="Save subscription type"
            options={choice.types}
            chosenId={choice.chosenId}
          />
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
      {lists === null || lists.kind === "no-connection" ? null : lists.kind === "ready" ? (
        <HubspotChoiceForm
          action={saveNewsletterList}
          tenantSlug={tenantSlug}
          field="listId"
          label="Static list every synced contact joins"
          noneLabel="No list"
          buttonLabel="Save list"
          options={lists.lists}
          chosenId={lists.chosenId}
        />
      ) : (
        <p className="text-sm text-slate-800" data-testid="list-unavailable">
          {lists.kind === "scope-missing"
            ? `To add contacts to a list, reconnect on the Integrations page and approve ${lists.scopes.join(" and ")}.`
            : `HubSpot's lists could not be read just now (${lists.reason}).`}
        </p>
      )}
    </section>
  );
}
