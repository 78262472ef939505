// Recent audit events of a connection (including those recorded under its portal before a
// disconnect), newest first.
import type { AuditEventView } from "@switchboard/lib/audit/list-audit-events";
import { formatDate } from "./format";

const actionNames: Record<string, string> = {
  connect: "Connected",
  reconnect: "Reconnected",
  disconnect: "Disconnected",
  refresh: "Token refresh",
  status_change: "Status changed",
  test: "Connection test",
  test_contact: "Test contact",
  newsletter_destination: "Newsletter destination",
  access_token_issued: "Access token issued (API)",
};

export function ActivityList({ events, headingId }: { events: AuditEventView[]; headingId: string }) {
  return (
    <section aria-labelledby={headingId} className="mt-6">
      <h3 id={headingId} className="text-sm font-semibold text-slate-900">
        Recent activity
      </h3>
      {events.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">No activity yet.</p>
      ) : (
        <ol className="mt-2 space-y-1 text-sm text-slate-800">
          {events.map((event) => (
            <li key={event.id}>
              <time dateTime={event.createdAt.toISOString()} className="text-slate-700">
                {formatDate(event.createdAt)}
              </time>{" "}
              — <strong>{actionNames[event.action] ?? event.action}</strong> ({event.outcome}) by {event.actorLabel}
              {event.detail ? `: ${event.detail}` : ""}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
