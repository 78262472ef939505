"use client";
// "Copy connect link": creates a single-use link to the hosted connect page (for a colleague with no
// Switchboard account), shows it once and copies it to the clipboard when the browser allows.
import { useActionState, useEffect } from "react";
import { createConnectLink } from "./actions";
import { SubmitButton } from "./submit-button";

export function ConnectLinkForm({ tenantSlug, connectionId, label }: { tenantSlug: string; connectionId?: string; label: string }) {
  const [state, action] = useActionState(createConnectLink, null);
  useEffect(() => {
    if (state?.reveal) navigator.clipboard?.writeText(state.reveal).catch(() => undefined);
  }, [state]);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="tenantSlug" value={tenantSlug} />
      {connectionId ? <input type="hidden" name="connectionId" value={connectionId} /> : null}
      <SubmitButton variant="secondary" pendingLabel="Creating link…">
        {label}
      </SubmitButton>
      <div role="status" aria-live="polite">
        {state ? <p className={`text-sm ${state.ok ? "text-slate-800" : "text-red-800"}`}>{state.message}</p> : null}
        {state?.reveal ? (
          <label className="mt-1 block text-sm text-slate-800">
            Connect link
            <input
              readOnly
              value={state.reveal}
              data-testid="connect-link"
              className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 font-mono text-xs"
            />
          </label>
        ) : null}
      </div>
    </form>
  );
}
