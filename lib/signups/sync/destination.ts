// Which connection a tenant's signups go to: the one chosen on the integrations page, else the
// oldest (the first portal connected), as the connections issue specifies. Resolved for many
// tenants at once, so a sync pass over fifty portals costs one query, not fifty.
import type { Db } from "@/lib/db/create-client";

export interface Destination {
  connectionId: string;
  portalId: string;
  status: string;
}

export function isUsable(destination: Destination | null | undefined): destination is Destination {
  return !!destination && destination.status !== "NEEDS_RECONNECT";
}

export async function resolveDestinations(db: Db, tenantIds: string[]): Promise<Map<string, Destination | null>> {
  const tenants = await db.tenant.findMany({
    where: { id: { in: tenantIds } },
    select: {
      id: true,
      newsletterConnectionId: true,
      connections: { select: { id: true, portalId: true, status: true }, orderBy: { createdAt: "asc" } },
    },
  });
  const destinations = new Map<string, Destination | null>(tenantIds.map((id) => [id, null]));
  for (const tenant of tenants) {
    const chosen = tenant.connections.find((connection) => connection.id === tenant.newsletterConnectionId);
    const connection = chosen ?? tenant.connections[0];
    destinations.set(tenant.id, connection ? { connectionId: connection.id, portalId: connection.portalId, status: connection.status } : null);
  }
  return destinations;
}

export async function resolveDestination(db: Db, tenantId: string): Promise<Destination | null> {
  return (await resolveDestinations(db, [tenantId])).get(tenantId) ?? null;
}
