// The connection's health timeline: each lifecycle change (connected, degraded, recovered, …),
// newest first — the same entries as GET /api/v1/connections/{id}/events.
import type { TimelineEntryView } from "@switchboard/lib/integrations/view/load-integrations-view";
import { formatDate } from "./format";

const entryNames: Record<string, string> = {
  connected: "Connected",
  reconnected: "Reconnected",
  degraded: "Degraded",
  recovered: "Recovered",
  needs_reconnect: "Needs reconnect",
  disconnected: "Disconnected",
};

export function HealthTimeline({ entries, headingId }: { entries: TimelineEntryView[]; headingId: string }) {
  return (
    <section aria-labelledby={headingId} className="mt-6" data-testid="health-timeline">
      <h3 id={headingId} className="text-sm font-semibold text-slate-900">
        Health timeline
      </h3>
      {entries.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">No changes yet.</p>
      ) : (
        <ol className="mt-2 space-y-1 text-sm text-slate-800">
          {entries.map((entry) => (
            <li key={entry.id} data-entry-type={entry.type}>
              <time dateTime={entry.createdAt.toISOString()} className="text-slate-700">
                {formatDate(entry.createdAt)}
              </time>{" "}
              — <strong>{entryNames[entry.type] ?? entry.type}</strong> by {entry.actorLabel}
              {entry.reason ? `: ${entry.reason}` : ""}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
