"use client";
// The admin buttons of one card. Results of Test / Send test contact / newsletter choice are
// announced in this card's labelled status region; Reconnect and Disconnect navigate instead.
import { useActionState } from "react";
import type { ActionState } from "@/web/tenant-action";
import { chooseNewsletterPortal, reconnectHubspot, sendHubspotTestContact, testHubspotConnection } from "./actions";
import { ConnectLinkForm } from "./connect-link-form";
import { DisconnectConfirm } from "./disconnect-confirm";
import { SubmitButton } from "./submit-button";

type Props = { tenantSlug: string; connectionId: string; portalId: string; isNewsletterDestination: boolean };

export function ConnectionActions({ tenantSlug, connectionId, portalId, isNewsletterDestination }: Props) {
  const [testState, testAction] = useActionState(testHubspotConnection, null);
  const [contactState, contactAction] = useActionState(sendHubspotTestContact, null);
  const [newsletterState, newsletterAction] = useActionState(chooseNewsletterPortal, null);
  const [reconnectState, reconnectAction] = useActionState(reconnectHubspot, null);
  const latest = [testState, contactState, newsletterState, reconnectState]
    .filter((state): state is NonNullable<ActionState> => state !== null)
    .sort((a, b) => b.at - a.at)[0];
  const hidden = (
    <>
      <input type="hidden" name="tenantSlug" value={tenantSlug} />
      <input type="hidden" name="connectionId" value={connectionId} />
    </>
  );

  return (
    <div className="mt-6 space-y-3">
      <div className="flex flex-wrap gap-3">
        <form action={testAction}>
          {hidden}
          <SubmitButton pendingLabel="Testing…">Test connection</SubmitButton>
        </form>
        <form action={contactAction}>
          {hidden}
          <SubmitButton pendingLabel="Sending…">Send test contact</SubmitButton>
        </form>
        {!isNewsletterDestination ? (
          <form action={newsletterAction}>
            {hidden}
            <SubmitButton pendingLabel="Saving…">Use for newsletter signups</SubmitButton>
          </form>
        ) : null}
        <form action={reconnectAction}>
          {hidden}
          <SubmitButton pendingLabel="Opening HubSpot…">Reconnect</SubmitButton>
        </form>
        <DisconnectConfirm tenantSlug={tenantSlug} connectionId={connectionId} portalId={portalId} />
        <ConnectLinkForm tenantSlug={tenantSlug} connectionId={connectionId} label="Copy reconnect link" />
      </div>
      <div role="status" aria-label={`Updates for portal ${portalId}`} aria-live="polite" data-testid="action-status">
        {latest ? (
          <p
            className={`rounded-md border px-3 py-2 text-sm ${latest.ok ? "border-emerald-300 bg-emerald-50 text-emerald-900" : "border-red-300 bg-red-50 text-red-900"}`}
          >
            {latest.message}
          </p>
        ) : null}
      </div>
    </div>
  );
}
