// Withdraws a pending invitation of this tenant; its link then shows "withdrawn".
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/app-error";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { isRole } from "@/lib/tenancy/roles";
import { assertMayTouchRole } from "../members/role-rules";
import type { PeopleActor } from "../people-actor";

export async function revokeInvitation(
  db: Db,
  actor: PeopleActor,
  tenantId: string,
  invitationId: string,
  now: Date = new Date(),
): Promise<{ email: string }> {
  const invitation = await db.invitation.findFirst({ where: { id: invitationId, tenantId, acceptedAt: null, revokedAt: null } });
  if (!invitation || !isRole(invitation.role)) throw AppError.notFound("That invitation");
  assertMayTouchRole(actor, invitation.role);
  const revoked = await db.invitation.updateMany({
    where: { id: invitation.id, tenantId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  if (revoked.count !== 1) throw AppError.notFound("That invitation");
  await recordAuditEvent(db, {
    tenantId,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    action: "invitation_revoke",
    outcome: "success",
    subject: `person:${invitation.email}`,
    detail: `Revoked the invitation of ${invitation.email} (${invitation.role})`,
  });
  return { email: invitation.email };
}
