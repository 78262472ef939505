// Who invited, joined, changed or removed whom, newest first (the tenant's audit events about people).
import type { AuditEventView } from "@switchboard/lib/audit/list-audit-events";
import { formatDate } from "../integrations/format";

const actionNames: Record<string, string> = {
  tenant_create: "Tenant created",
  tenant_rename: "Tenant renamed",
  member_invite: "Invited",
  invitation_revoke: "Invitation revoked",
  invitation_accept: "Joined",
  member_role_change: "Role changed",
  member_remove: "Removed",
  member_sso_grant: "Granted by single sign-on",
};

export function PeopleActivity({ events }: { events: AuditEventView[] }) {
  return (
    <section aria-labelledby="people-activity-heading" className="space-y-3">
      <h2 id="people-activity-heading" className="text-lg font-semibold text-slate-900">Activity</h2>
      {events.length === 0 ? (
        <p className="text-sm text-slate-700">No changes yet.</p>
      ) : (
        <ol data-testid="people-activity" className="space-y-1 text-sm text-slate-800">
          {events.map((event) => (
            <li key={event.id}>
              <time dateTime={event.createdAt.toISOString()} className="text-slate-700">{formatDate(event.createdAt)}</time> —{" "}
              <strong>{actionNames[event.action] ?? event.action}</strong> by {event.actorLabel}
              {event.detail ? `: ${event.detail}` : ""}
              {event.outcome === "warning" ? " (warning)" : ""}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
