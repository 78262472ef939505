// What an invitation link leads to. Every way a link can be unusable has its own state, so the
// accept page can say exactly why; a malformed or unknown token is simply "invalid".
import type { Db } from "@/lib/db/create-client";
import { isRole, type Role } from "@/lib/tenancy/roles";
import { hashOneTimeToken, oneTimeTokenSchema } from "../one-time-token";

export type PendingInvitation = {
  id: string;
  email: string;
  role: Role;
  expiresAt: Date;
  invitedByLabel: string;
  tenant: { id: string; slug: string; name: string };
  /** Whether someone already has an account with the invited email (they join by signing in). */
  accountExists: boolean;
};

export type InvitationLookup = { state: "pending"; invitation: PendingInvitation } | { state: "invalid" | "expired" | "used" | "revoked" };

export async function findInvitation(db: Db, token: string, now: Date = new Date()): Promise<InvitationLookup> {
  if (!oneTimeTokenSchema.safeParse(token).success) return { state: "invalid" };
  const row = await db.invitation.findUnique({
    where: { tokenHash: hashOneTimeToken(token) },
    include: { tenant: { select: { id: true, slug: true, name: true } } },
  });
  if (!row || !isRole(row.role)) return { state: "invalid" };
  if (row.revokedAt) return { state: "revoked" };
  if (row.acceptedAt) return { state: "used" };
  if (row.expiresAt.getTime() <= now.getTime()) return { state: "expired" };
  const account = await db.user.findUnique({ where: { email: row.email }, select: { id: true } });
  return {
    state: "pending",
    invitation: {
      id: row.id,
      email: row.email,
      role: row.role,
      expiresAt: row.expiresAt,
      invitedByLabel: row.invitedByLabel,
      tenant: row.tenant,
      accountExists: account !== null,
    },
  };
}

export const invitationStateMessages: Record<Exclude<InvitationLookup["state"], "pending">, { title: string; body: string }> = {
  invalid: { title: "This invitation link is not valid", body: "Check that you copied the whole link, or ask for a new invitation." },
  expired: {
    title: "This invitation has expired",
    body: "Invitations are valid for 7 days. Ask an owner or admin of the tenant to invite you again.",
  },
  used: {
    title: "This invitation was already used",
    body: "Each invitation works once. If it was you, sign in; otherwise ask for a new invitation.",
  },
  revoked: {
    title: "This invitation was withdrawn",
    body: "An owner or admin revoked it. Ask them for a new invitation if you still need access.",
  },
};
