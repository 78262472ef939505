"use client";
// Disconnect asks once more before acting: it revokes Switchboard's tokens and deletes them, and
// uninstalls the app from the portal unless another workspace still uses it. The notice afterwards
// says which happened.
import { useActionState, useState } from "react";
import { UNINSTALL_PATH } from "./notices";
import { disconnectHubspot } from "./actions";
import { SubmitButton } from "./submit-button";

export function DisconnectConfirm({ tenantSlug, connectionId, portalId }: { tenantSlug: string; connectionId: string; portalId: string }) {
  const [confirming, setConfirming] = useState(false);
  const [state, action] = useActionState(disconnectHubspot, null);
  if (!confirming) {
    return (
      <button
        type="button"
        onClick={() => setConfirming(true)}
        className="rounded-md border border-red-300 bg-white px-3 py-2 text-sm font-medium text-red-800 hover:bg-red-50"
      >
        Disconnect
      </button>
    );
  }
  return (
    <form
      action={action}
      className="flex flex-wrap items-center gap-3 rounded-md border border-red-200 bg-red-50 px-3 py-2"
      aria-label={`Confirm disconnecting portal ${portalId}`}
    >
      <input type="hidden" name="tenantSlug" value={tenantSlug} />
      <input type="hidden" name="connectionId" value={connectionId} />
      <p className="text-sm text-red-900">
        Disconnect portal {portalId}? Switchboard&apos;s tokens are revoked and deleted, and new signups stop syncing to it. Unless another
        workspace still uses this portal, the app is also uninstalled from it and HubSpot emails the portal&apos;s admins; otherwise it
        stays installed (a super admin can remove it: {UNINSTALL_PATH}).
      </p>
      <SubmitButton variant="danger" pendingLabel="Disconnecting…">
        Yes, disconnect
      </SubmitButton>
      <button
        type="button"
        onClick={() => setConfirming(false)}
        className="rounded-md px-3 py-2 text-sm font-medium text-slate-900 underline"
      >
        Keep connection
      </button>
      {state && !state.ok ? <p className="w-full text-sm text-red-900">{state.message}</p> : null}
    </form>
  );
}
