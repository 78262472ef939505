// Who invited, joined, changed or removed whom, newest first (the tenant's audit events about people).
import type { AuditEventView } from "@switchboard/lib/audit/list-audit-events";
import { ActivityFeed } from "../activity-feed";

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
  return <ActivityFeed events={events} actionNames={actionNames} headingId="people-activity-heading" testId="people-activity" />;
}
