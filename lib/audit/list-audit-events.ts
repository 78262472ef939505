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

/** What the Developers page shows: changes to webhook endpoints and API keys, by members and keys alike. */
export const DEVELOPER_AUDIT_ACTIONS = ["webhook_endpoint", "api_key_created", "api_key_revoked"] as const;
/** What the Signups page shows: retries and settings changes. */
export const SIGNUP_AUDIT_ACTIONS = ["signup_retry", "signup_settings"] as const;

/** A tenant's recent events of the given actions, newest first (each dashboard page shows its own). */
export async function listTenantActivity(db: Db, tenantId: string, actions: readonly string[], limit = 20): Promise<AuditEventView[]> {
  return db.auditEvent.findMany({
    where: { tenantId, action: { in: [...actions] } },
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
