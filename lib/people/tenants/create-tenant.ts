// Onboards a tenant: the tenant row, then an OWNER invitation for the first owner. Re-running with
// the same slug and name changes nothing but issues a fresh invitation while nobody owns it yet.
// addTenant is the one way a tenant row comes to be (CLI and /api/v1), audited with its creator.
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/app-error";
import { recordChange, type AuditActor } from "@/lib/audit/record-audit-event";
import { isUniqueViolation } from "@/lib/db/unique-violation";
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
  tenant ??= await addTenant(db, OPERATOR_ACTOR, { name: input.name, slug: input.slug });
  const owns = await db.membership.findFirst({
    where: { tenantId: tenant.id, role: "OWNER", user: { email: ownerEmail } },
    select: { id: true },
  });
  const invitation = owns ? null : await createInvitation(db, mailer, OPERATOR_ACTOR, tenant, { email: ownerEmail, role: "OWNER" }, links);
  return { tenant, created, invitation };
}

export async function addTenant(db: Db, actor: AuditActor, input: { name: string; slug: string }): Promise<TenantCreation["tenant"]> {
  let tenant: TenantCreation["tenant"];
  try {
    tenant = await db.tenant.create({ data: { name: input.name, slug: input.slug }, select: { id: true, slug: true, name: true } });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("conflict", "That slug is taken.", { fieldErrors: { slug: ["Already used by another tenant."] } });
    throw error;
  }
  await recordChange(db, actor, { tenantId: tenant.id, action: "tenant_create", detail: `Created tenant ${tenant.name} (${tenant.slug})` });
  return tenant;
}
