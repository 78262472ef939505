// Recent audit history, always scoped by tenant. A connection's history includes events recorded
// under its subject before (or after) the row existed, e.g. an earlier disconnect of the portal.
import type { Db } from "@/lib/db/create-client";

export type AuditEventView = {
  id: string;
  action: string;
  outcome: string;
  detail: string | null;
  actorLabel: string;
  subject: string | null;
  connectionId: string | null;
  createdAt: Date;
};

const viewSelect = {
  id: true,
  action: true,
  outcome: true,
  detail: true,
  actorLabel: true,
  subject: true,
  connectionId: true,
  createdAt: true,
} as const;

export async function listTenantAuditEvents(db: Db, tenantId: string, limit = 20): Promise<AuditEventView[]> {
  return db.auditEvent.findMany({
    where: { tenantId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: viewSelect,
  });
}

export async function listConnectionAuditEvents(
  db: Db,
  tenantId: string,
  connection: { id: string; subject: string },
  limit = 10,
): Promise<AuditEventView[]> {
  return db.auditEvent.findMany({
    where: { tenantId, OR: [{ connectionId: connection.id }, { subject: connection.subject }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: viewSelect,
  });
}
