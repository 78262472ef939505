// Changes a member's role within the rules (role-rules.ts): only an OWNER touches the OWNER role,
// and the last OWNER cannot be demoted.
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/app-error";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Role } from "@/lib/tenancy/roles";
import type { PeopleActor } from "../people-actor";
import { withTenantPeopleLock } from "./lock-tenant-people";
import { assertMayTouchRole } from "./role-rules";

export async function changeMemberRole(
  db: Db,
  actor: PeopleActor,
  tenantId: string,
  input: { membershipId: string; role: Role },
): Promise<{ email: string; from: Role; to: Role }> {
  const change = await withTenantPeopleLock(db, tenantId, async (tx) => {
    const membership = await tx.membership.findFirst({
      where: { id: input.membershipId, tenantId },
      include: { user: { select: { email: true } } },
    });
    if (!membership) throw AppError.notFound("That member");
    assertMayTouchRole(actor, membership.role, input.role);
    if (membership.role !== input.role) await tx.membership.update({ where: { id: membership.id }, data: { role: input.role } });
    return { email: membership.user.email, from: membership.role, to: input.role };
  });
  if (change.from !== change.to) {
    await recordAuditEvent(db, {
      tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: "member_role_change",
      outcome: "success",
      subject: `person:${change.email}`,
      detail: `Changed ${change.email} from ${change.from} to ${change.to}`,
    });
  }
  return change;
}
