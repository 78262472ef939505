// A page's slice of the tenant's audit trail, newest first: what changed, by whom (a member, the
// operator or an API key) and when.
import type { AuditEventView } from "@switchboard/lib/audit/list-audit-events";
import { formatDate } from "./integrations/format";

export function ActivityFeed(props: {
  events: AuditEventView[];
  actionNames: Record<string, string>;
  headingId: string;
  testId: string;
  empty?: string;
}) {
  const { events, actionNames, headingId, testId } = props;
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h2 id={headingId} className="text-lg font-semibold text-slate-900">
        Activity
      </h2>
      {events.length === 0 ? (
        <p className="text-sm text-slate-700">{props.empty ?? "No changes yet."}</p>
      ) : (
        <ol data-testid={testId} className="space-y-1 text-sm text-slate-800">
          {events.map((event) => (
            <li key={event.id}>
              <time dateTime={event.createdAt.toISOString()} className="text-slate-700">
                {formatDate(event.createdAt)}
              </time>{" "}
              — <strong>{actionNames[event.action] ?? event.action}</strong> by {event.actorLabel}
              {event.detail ? `: ${event.detail}` : ""}
              {event.outcome === "success" ? "" : ` (${event.outcome})`}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
