// Onboards a tenant: the tenant row, then an OWNER invitation for the first owner. Re-running with
// the same slug and name changes nothing but issues a fresh invitation while nobody owns it yet.
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/app-error";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Mailer } from "@/lib/mail/mailer";
import { createInvitation, type CreatedInvitation } from "../invitations/create-invitation";
import type { PeopleLinks } from "../people-links";
import { OPERATOR_ACTOR } from "../people-actor";

export type TenantCreation = {
  tenant: { id: string; slug: string; name: string };
  created: boolean;
  /** null when the owner already owns the tenant. */
  invitation: CreatedInvitation | null;
};

export async function createTenant(
  db: Db,
  mailer: Mailer,
  input: { name: string; slug: string; ownerEmail: string },
  links: PeopleLinks,
): Promise<TenantCreation> {
  const ownerEmail = input.ownerEmail.trim().toLowerCase();
  let tenant = await db.tenant.findUnique({ where: { slug: input.slug }, select: { id: true, slug: true, name: true } });
  const created = tenant === null;
  if (tenant && tenant.name !== input.name) {
    throw new AppError("conflict", `A tenant with the slug ${input.slug} already exists (named "${tenant.name}").`);
  }
  if (!tenant) {
    tenant = await db.tenant.create({ data: { name: input.name, slug: input.slug }, select: { id: true, slug: true, name: true } });
    await recordAuditEvent(db, {
      tenantId: tenant.id, actorLabel: OPERATOR_ACTOR.label, action: "tenant_create", outcome: "success", detail: `Created tenant ${tenant.name} (${tenant.slug})`,
    });
  }
  const owns = await db.membership.findFirst({ where: { tenantId: tenant.id, role: "OWNER", user: { email: ownerEmail } }, select: { id: true } });
  const invitation = owns ? null : await createInvitation(db, mailer, OPERATOR_ACTOR, tenant, { email: ownerEmail, role: "OWNER" }, links);
  return { tenant, created, invitation };
}
