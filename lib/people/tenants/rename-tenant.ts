// Renames a tenant (its slug, and so its URLs, stay), audited with whoever renamed it.
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/app-error";
import { recordChange, type AuditActor } from "@/lib/audit/record-audit-event";

export async function renameTenant(
  db: Db,
  which: { slug: string } | { id: string },
  name: string,
  actor: AuditActor,
): Promise<{ from: string; to: string }> {
  const tenant = await db.tenant.findUnique({ where: which, select: { id: true, name: true } });
  if (!tenant) throw AppError.notFound("slug" in which ? `The tenant ${which.slug}` : "That tenant");
  if (tenant.name === name) return { from: name, to: name };
  await db.tenant.update({ where: { id: tenant.id }, data: { name } });
  await recordChange(db, actor, { tenantId: tenant.id, action: "tenant_rename", detail: `Renamed from ${tenant.name} to ${name}` });
  return { from: tenant.name, to: name };
}
