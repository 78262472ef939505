"use client";
// "Connect HubSpot" / "Connect another portal": posts to the server action, which creates the OAuth
// state and sends the browser to HubSpot's consent screen (or says why it cannot).
import { useActionState } from "react";
import { connectHubspot } from "./actions";
import { SubmitButton } from "./submit-button";

export function ConnectForm({ tenantSlug, label, variant }: { tenantSlug: string; label: string; variant: "primary" | "secondary" }) {
  const [state, action] = useActionState(connectHubspot, null);
  return (
    <form action={action}>
      <input type="hidden" name="tenantSlug" value={tenantSlug} />
      <SubmitButton variant={variant} pendingLabel="Opening HubSpot…">
        {label}
      </SubmitButton>
      {state && !state.ok ? <p className="mt-2 text-sm text-red-800">{state.message}</p> : null}
    </form>
  );
}
