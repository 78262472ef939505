// Which connection a tenant's signups go to: the one chosen on the integrations page, else the
// oldest (the first portal connected), as the connections issue specifies.
import type { Db } from "@/lib/db/create-client";

export interface Destination {
  connectionId: string;
  portalId: string;
  status: string;
}

export async function resolveDestination(db: Db, tenantId: string): Promise<Destination | null> {
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { newsletterConnectionId: true } });
  if (!tenant) return null;
  const select = { id: true, externalAccountId: true, status: true } as const;
  const chosen = tenant.newsletterConnectionId
    ? await db.connection.findFirst({ where: { id: tenant.newsletterConnectionId, tenantId }, select })
    : null;
  const connection = chosen ?? (await db.connection.findFirst({ where: { tenantId }, orderBy: { createdAt: "asc" }, select }));
  if (!connection) return null;
  return { connectionId: connection.id, portalId: connection.externalAccountId, status: connection.status };
}
