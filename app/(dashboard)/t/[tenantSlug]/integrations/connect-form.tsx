// "Connect HubSpot" / "Connect another portal": a plain form posting to the server action, which
// creates the OAuth state and sends the browser to HubSpot's consent screen.
import { connectHubspot } from "./actions";
import { SubmitButton } from "./submit-button";

export function ConnectForm({ tenantSlug, label, variant }: { tenantSlug: string; label: string; variant: "primary" | "secondary" }) {
  return (
    <form action={connectHubspot}>
      <input type="hidden" name="tenantSlug" value={tenantSlug} />
      <SubmitButton variant={variant} pendingLabel="Opening HubSpot…">
        {label}
      </SubmitButton>
    </form>
  );
}
