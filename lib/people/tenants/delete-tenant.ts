// Removes a tenant and everything it owns. Each HubSpot grant is revoked at HubSpot first (through
// the same disconnect flow an admin uses), then the tenant row goes and the database cascades to
// memberships, invitations, connections, signups, OAuth states and audit events. People's accounts
// stay: they may belong to other tenants.
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/app-error";
import { disconnectConnection } from "@/lib/integrations/flows/disconnect-connection";
import type { IntegrationServices } from "@/lib/integrations/services";
import { OPERATOR_ACTOR } from "../people-actor";

export type TenantDeletion = { name: string; portals: Array<{ portalId: string; revoked: boolean }> };

export async function deleteTenant(db: Db, services: IntegrationServices, slug: string): Promise<TenantDeletion> {
  const tenant = await db.tenant.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
  if (!tenant) throw AppError.notFound(`The tenant ${slug}`);
  const connections = await db.connection.findMany({ where: { tenantId: tenant.id }, select: { id: true } });
  const portals: TenantDeletion["portals"] = [];
  const actor = { id: "operator", label: OPERATOR_ACTOR.label };
  for (const connection of connections) {
    const result = await disconnectConnection(db, actor, tenant, { connectionId: connection.id }, services);
    if (result.ok) portals.push({ portalId: result.portalId, revoked: result.revoked });
  }
  await db.tenant.delete({ where: { id: tenant.id } });
  return { name: tenant.name, portals };
}
