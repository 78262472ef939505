// Removes someone from a tenant (their account stays; other tenants are untouched). Only an OWNER
// removes an OWNER, and never the last one.
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/app-error";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { PeopleActor } from "../people-actor";
import { withTenantPeopleLock } from "./lock-tenant-people";
import { assertMayTouchRole } from "./role-rules";

export async function removeMember(db: Db, actor: PeopleActor, tenantId: string, membershipId: string): Promise<{ email: string }> {
  const removed = await withTenantPeopleLock(db, tenantId, async (tx) => {
    const membership = await tx.membership.findFirst({
      where: { id: membershipId, tenantId },
      include: { user: { select: { email: true } } },
    });
    if (!membership) throw AppError.notFound("That member");
    assertMayTouchRole(actor, membership.role);
    await tx.membership.delete({ where: { id: membership.id } });
    return { email: membership.user.email, role: membership.role };
  });
  await recordAuditEvent(db, {
    tenantId,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    action: "member_remove",
    outcome: "success",
    subject: `person:${removed.email}`,
    detail: `Removed ${removed.email} (${removed.role})`,
  });
  return { email: removed.email };
}
