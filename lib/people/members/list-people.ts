// The members page's data: every member with their role and when they joined, and the pending
// (not yet accepted, revoked or expired) invitations — always scoped by tenant.
import type { Db } from "@/lib/db/create-client";
import { isRole, type Role } from "@/lib/tenancy/roles";

export type MemberView = { membershipId: string; userId: string; name: string | null; email: string; role: Role; joinedAt: Date };
export type InvitationView = { id: string; email: string; role: Role; invitedByLabel: string; createdAt: Date; expiresAt: Date };

export async function listMembers(db: Db, tenantId: string): Promise<MemberView[]> {
  const rows = await db.membership.findMany({
    where: { tenantId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  return rows.flatMap((row) =>
    isRole(row.role)
      ? [{ membershipId: row.id, userId: row.user.id, name: row.user.name, email: row.user.email, role: row.role, joinedAt: row.createdAt }]
      : [],
  );
}

export async function listPendingInvitations(db: Db, tenantId: string, now: Date = new Date()): Promise<InvitationView[]> {
  const rows = await db.invitation.findMany({
    where: { tenantId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, email: true, role: true, invitedByLabel: true, createdAt: true, expiresAt: true },
  });
  return rows.flatMap((row) => (isRole(row.role) ? [{ ...row, role: row.role }] : []));
}
