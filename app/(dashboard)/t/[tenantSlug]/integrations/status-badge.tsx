// The one status word of a connection, with colour as a second cue (never the only one).
import type { ConnectionStatusLabel } from "@switchboard/lib/integrations/view/load-integrations-view";

const styles: Record<ConnectionStatusLabel, string> = {
  Connected: "bg-emerald-100 text-emerald-900 ring-emerald-300",
  "Needs reconnect": "bg-red-100 text-red-900 ring-red-300",
  Degraded: "bg-amber-100 text-amber-900 ring-amber-300",
};

export function StatusBadge({ status }: { status: ConnectionStatusLabel }) {
  return (
    <span data-testid="connection-status" className={`rounded-full px-2.5 py-0.5 text-sm font-semibold ring-1 ${styles[status]}`}>
      {status}
    </span>
  );
}
