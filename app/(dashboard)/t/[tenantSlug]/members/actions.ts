"use server";
// Members page mutations, each through the one tenant-action wrapper (OWNER/ADMIN of the tenant
// in the form); the role rules themselves live in lib/people and see the actor's real role.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { emailAddressSchema } from "@switchboard/lib/auth/password-policy";
import { db } from "@switchboard/lib/runtime/process-runtime";
import { createInvitation } from "@switchboard/lib/people/invitations/create-invitation";
import { revokeInvitation } from "@switchboard/lib/people/invitations/revoke-invitation";
import { changeMemberRole } from "@switchboard/lib/people/members/change-member-role";
import { removeMember } from "@switchboard/lib/people/members/remove-member";
import { memberActor } from "@switchboard/lib/people/people-actor";
import { roles } from "@switchboard/lib/tenancy/roles";
import { tenantAction, type TenantActionContext } from "@/web/tenant-action";

const roleField = z.enum(roles, { message: "Choose a role." });
const id = z.string().trim().min(1).max(100);
const pageOf = (tenant: { slug: string }) => `/t/${tenant.slug}/members`;
const actorOf = ({ access }: TenantActionContext) => memberActor(access.user, access.role);

export const inviteMember = tenantAction(
  { minRole: "ADMIN", fields: { email: emailAddressSchema, role: roleField } },
  async (input, context) => {
    const { mailer, links } = context.runtime;
    const invitation = await createInvitation(db, mailer, actorOf(context), context.access.tenant, input, links);
    revalidatePath(pageOf(context.tenant));
    return invitation.delivery.delivered
      ? { ok: true, message: `Invitation sent to ${invitation.email}.` }
      : {
          ok: false,
          message: `The invitation for ${invitation.email} was created, but the email could not be sent. Ask your operator to check the mail settings.`,
        };
  },
);

export const changeRole = tenantAction({ minRole: "ADMIN", fields: { membershipId: id, role: roleField } }, async (input, context) => {
  const change = await changeMemberRole(db, actorOf(context), context.tenant.id, input);
  revalidatePath(pageOf(context.tenant));
  return {
    ok: true,
    message: change.from === change.to ? `${change.email} already is ${change.to}.` : `${change.email} is now ${change.to}.`,
  };
});

export const removeMembership = tenantAction({ minRole: "ADMIN", fields: { membershipId: id } }, async ({ membershipId }, context) => {
  const removed = await removeMember(db, actorOf(context), context.tenant.id, membershipId);
  revalidatePath(pageOf(context.tenant));
  return { ok: true, message: `Removed ${removed.email}.` };
});

export const revokePendingInvitation = tenantAction(
  { minRole: "ADMIN", fields: { invitationId: id } },
  async ({ invitationId }, context) => {
    const revoked = await revokeInvitation(db, actorOf(context), context.tenant.id, invitationId);
    revalidatePath(pageOf(context.tenant));
    return { ok: true, message: `Revoked the invitation of ${revoked.email}.` };
  },
);
