// The audit trail of the members page: invitations, joins, role changes and removals of one tenant.
import type { Db } from "@/lib/db/create-client";
import type { AuditEventView } from "@/lib/audit/list-audit-events";

export const PEOPLE_AUDIT_ACTIONS = ["tenant_create", "tenant_rename", "member_invite", "invitation_revoke", "invitation_accept", "member_role_change", "member_remove", "member_sso_grant"];

export async function listPeopleActivity(db: Db, tenantId: string, limit = 20): Promise<AuditEventView[]> {
  return db.auditEvent.findMany({
    where: { tenantId, action: { in: PEOPLE_AUDIT_ACTIONS } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, action: true, outcome: true, detail: true, actorLabel: true, subject: true, connectionId: true, createdAt: true },
  });
}
