// Renames a tenant (its slug, and so its URLs, stay).
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/app-error";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { OPERATOR_ACTOR } from "../people-actor";

export async function renameTenant(db: Db, slug: string, name: string): Promise<{ from: string; to: string }> {
  const tenant = await db.tenant.findUnique({ where: { slug }, select: { id: true, name: true } });
  if (!tenant) throw AppError.notFound(`The tenant ${slug}`);
  if (tenant.name === name) return { from: name, to: name };
  await db.tenant.update({ where: { id: tenant.id }, data: { name } });
  await recordAuditEvent(db, {
    tenantId: tenant.id, actorLabel: OPERATOR_ACTOR.label, action: "tenant_rename", outcome: "success", detail: `Renamed from ${tenant.name} to ${name}`,
  });
  return { from: tenant.name, to: name };
}
