// Accepting an invitation: a new person creates their account (name + password), or the person
// already signed in with the invited email joins. The invitation is claimed with a conditional
// update inside the same transaction as the membership, so it is used at most once even when
// the link is submitted twice at the same moment; on any refusal nothing changes.
import { z } from "zod";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/app-error";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { hashPassword } from "@/lib/auth/password";
import { personNameSchema } from "@/lib/auth/password-policy";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { roleAtLeast } from "@/lib/tenancy/roles";
import { findInvitation, invitationStateMessages } from "./find-invitation";

const newAccountName = z.object({ name: personNameSchema });

export type Acceptor = { kind: "new-account"; name: string; password: string } | { kind: "signed-in"; userId: string };

export type AcceptedInvitation = { userId: string; email: string; tenant: { slug: string; name: string } };

export async function acceptInvitation(db: Db, token: string, acceptor: Acceptor, now: Date = new Date()): Promise<AcceptedInvitation> {
  const lookup = await findInvitation(db, token, now);
  if (lookup.state !== "pending") throw new AppError("conflict", invitationStateMessages[lookup.state].title);
  const { invitation } = lookup;

  if (acceptor.kind === "signed-in") {
    const user = await db.user.findUnique({ where: { id: acceptor.userId }, select: { email: true } });
    if (user?.email !== invitation.email) {
      throw new AppError("forbidden", `This invitation is for ${invitation.email}. Sign in with that address to accept it.`);
    }
  } else if (invitation.accountExists) {
    throw new AppError("conflict", `An account for ${invitation.email} already exists: sign in to accept.`);
  }
  // A new person's name follows the one display-text rule, whichever door the acceptance came through.
  const named = acceptor.kind === "new-account" ? newAccountName.safeParse({ name: acceptor.name }) : null;
  if (named && !named.success) throw AppError.invalidInput(named.error);
  // bcrypt is slow on purpose: hash before the transaction, not inside it.
  const joining: { userId: string } | { account: { email: string; name: string; passwordHash: string } } =
    acceptor.kind === "signed-in"
      ? { userId: acceptor.userId }
      : {
          account: {
            email: invitation.email,
            name: named?.data?.name ?? acceptor.name,
            passwordHash: await hashPassword(acceptor.password),
          },
        };

  let userId: string;
  try {
    userId = await db.$transaction(async (tx) => {
      const claimed = await tx.invitation.updateMany({
        where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { acceptedAt: now },
      });
      if (claimed.count !== 1) throw new AppError("conflict", invitationStateMessages.used.title);
      const id = "userId" in joining ? joining.userId : (await tx.user.create({ data: joining.account })).id;
      const existing = await tx.membership.findUnique({ where: { userId_tenantId: { userId: id, tenantId: invitation.tenant.id } } });
      // Joining never lowers a role someone already holds.
      if (!existing) await tx.membership.create({ data: { userId: id, tenantId: invitation.tenant.id, role: invitation.role } });
      else if (!roleAtLeast(existing.role, invitation.role))
        await tx.membership.update({ where: { id: existing.id }, data: { role: invitation.role } });
      return id;
    });
  } catch (error) {
    // Someone created an account with this email between our check and the insert.
    if (isUniqueViolation(error)) throw new AppError("conflict", `An account for ${invitation.email} already exists: sign in to accept.`);
    throw error;
  }

  await recordAuditEvent(db, {
    tenantId: invitation.tenant.id,
    actorUserId: userId,
    actorLabel: invitation.email,
    action: "invitation_accept",
    outcome: "success",
    subject: `person:${invitation.email}`,
    detail: `${invitation.email} accepted the invitation and joined as ${invitation.role}`,
  });
  return { userId, email: invitation.email, tenant: { slug: invitation.tenant.slug, name: invitation.tenant.name } };
}
