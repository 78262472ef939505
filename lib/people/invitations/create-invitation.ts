// Invites an email address into a tenant with a role: a fresh single-use token (hashed at rest),
// valid 7 days, mailed as a link. A newer invitation for the same address replaces a pending one;
// someone who is already a member is not invited again. Rate-limited per address and per tenant
// (invitation-rate-limit.ts), whoever invites.
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/app-error";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Mailer, MailDelivery } from "@/lib/mail/mailer";
import { invitationMail } from "@/lib/mail/templates/invitation-mail";
import type { Role } from "@/lib/tenancy/roles";
import { assertMayTouchRole } from "../members/role-rules";
import { generateOneTimeToken } from "../one-time-token";
import type { PeopleActor } from "../people-actor";
import type { PeopleLinks } from "../people-links";
import { INVITATION_TTL_MS } from "../link-lifetimes";
import { assertMayInvite } from "./invitation-rate-limit";

export type CreatedInvitation = { id: string; email: string; role: Role; acceptUrl: string; expiresAt: Date; delivery: MailDelivery };

export async function createInvitation(
  db: Db,
  mailer: Mailer,
  actor: PeopleActor,
  tenant: { id: string; name: string },
  input: { email: string; role: Role },
  links: PeopleLinks,
  now: Date = new Date(),
): Promise<CreatedInvitation> {
  assertMayTouchRole(actor, input.role);
  const email = input.email.trim().toLowerCase();
  const member = await db.membership.findFirst({ where: { tenantId: tenant.id, user: { email } }, select: { id: true } });
  if (member)
    throw new AppError("conflict", `${email} is already a member of ${tenant.name}.`, { fieldErrors: { email: ["Already a member."] } });
  await assertMayInvite(db, tenant.id, email, now);

  const { token, tokenHash } = generateOneTimeToken();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  const invitation = await db.$transaction(async (tx) => {
    await tx.invitation.updateMany({ where: { tenantId: tenant.id, email, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
    return tx.invitation.create({
      data: {
        tokenHash,
        tenantId: tenant.id,
        email,
        role: input.role,
        expiresAt,
        invitedByUserId: actor.userId,
        invitedByLabel: actor.label,
        createdAt: now,
      },
    });
  });

  const acceptUrl = `${links.appUrl}/invite/${token}`;
  const delivery = await mailer.send(
    email,
    invitationMail({
      productName: links.productName,
      tenantName: tenant.name,
      role: input.role,
      inviterLabel: actor.label,
      acceptUrl,
      expiresAt,
    }),
  );
  await recordAuditEvent(db, {
    tenantId: tenant.id,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    action: "member_invite",
    outcome: delivery.delivered ? "success" : "warning",
    subject: `person:${email}`,
    detail: `Invited ${email} as ${input.role}${delivery.delivered ? "" : " (the email could not be sent)"}`,
  });
  return { id: invitation.id, email, role: input.role, acceptUrl, expiresAt, delivery };
}
