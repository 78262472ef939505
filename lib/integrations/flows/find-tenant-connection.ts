// Every flow that acts on a connection loads it through here: by id AND tenant, so an id from
// another tenant is indistinguishable from one that does not exist.
import type { Db } from "@/lib/db/create-client";
import { connectionSubject } from "@/lib/audit/record-audit-event";
import type { FlowTenant } from "./types";

export async function findTenantConnection(db: Db, tenant: FlowTenant, connectionId: string) {
  const row = await db.connection.findFirst({
    where: { id: connectionId, tenantId: tenant.id },
    select: { id: true, tenantId: true, provider: true, portalId: true, status: true, refreshTokenCiphertext: true },
  });
  return row ? { ...row, subject: connectionSubject(row.provider, row.portalId) } : null;
}

export const connectionGoneMessage = "That connection no longer exists in this tenant.";
