// The audit trail of the members page: invitations, joins, role changes and removals of one tenant.
import type { Db } from "@/lib/db/create-client";
import { listTenantActivity, type AuditEventView } from "@/lib/audit/list-audit-events";

export const PEOPLE_AUDIT_ACTIONS = [
  "tenant_create",
  "tenant_rename",
  "member_invite",
  "invitation_revoke",
  "invitation_accept",
  "member_role_change",
  "member_remove",
  "member_sso_grant",
];

export async function listPeopleActivity(db: Db, tenantId: string, limit = 20): Promise<AuditEventView[]> {
  return listTenantActivity(db, tenantId, PEOPLE_AUDIT_ACTIONS, limit);
}
