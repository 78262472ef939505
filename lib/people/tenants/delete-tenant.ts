// Removes a tenant and everything it owns. Each HubSpot grant is revoked at HubSpot first (through
// the same disconnect flow an admin uses), then the tenant row goes and the database cascades to
// memberships, invitations, connections, signups, OAuth states and audit events. People's accounts
// stay: they may belong to other tenants. The tenant's own activity goes with it, so the deletion
// is audited in the operator's trail (the structured log), with whoever deleted it.
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/app-error";
import { recordChange, type AuditActor } from "@/lib/audit/record-audit-event";
import { disconnectConnection } from "@/lib/integrations/flows/disconnect-connection";
import type { IntegrationServices } from "@/lib/integrations/services";

export type TenantDeletion = { name: string; portals: Array<{ portalId: string; revoked: boolean }> };

export async function deleteTenant(db: Db, services: IntegrationServices, slug: string, actor: AuditActor): Promise<TenantDeletion> {
  const tenant = await db.tenant.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
  if (!tenant) throw AppError.notFound(`The tenant ${slug}`);
  const connections = await db.connection.findMany({ where: { tenantId: tenant.id }, select: { id: true } });
  const portals: TenantDeletion["portals"] = [];
  const flowActor = { id: actor.userId ?? "operator", label: actor.label };
  for (const connection of connections) {
    const result = await disconnectConnection(db, flowActor, tenant, { connectionId: connection.id }, services);
    if (result.ok) portals.push({ portalId: result.portalId, revoked: result.revoked });
  }
  await db.tenant.delete({ where: { id: tenant.id } });
  await recordChange(db, actor, {
    tenantId: null,
    action: "tenant_delete",
    subject: `tenant:${tenant.id}`,
    detail: `Deleted tenant ${tenant.name} (${tenant.slug})`,
  });
  return { name: tenant.name, portals };
}
