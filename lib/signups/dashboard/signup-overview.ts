// What the signups dashboard shows. Every query is scoped by the tenant id the guard resolved.
import type { Db } from "@/lib/db/create-client";

export type SignupStatusName = "PENDING" | "SYNCED" | "FAILED";
export type StatusCounts = Record<SignupStatusName, number>;

export interface SignupListItem {
  id: string;
  email: string;
  firstName: string | null;
  status: SignupStatusName;
  createdAt: Date;
  syncedAt: Date | null;
  attempts: number;
  lastError: string | null;
  hubspotContactId: string | null;
  portalId: string | null;
}

export async function countSignupsByStatus(db: Db, tenantId: string): Promise<StatusCounts> {
  const groups = await db.signup.groupBy({ by: ["status"], where: { tenantId }, _count: { _all: true } });
  const counts: StatusCounts = { PENDING: 0, SYNCED: 0, FAILED: 0 };
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}

export async function listRecentSignups(db: Db, tenantId: string, options: { status?: SignupStatusName; take?: number } = {}): Promise<SignupListItem[]> {
  const rows = await db.signup.findMany({
    where: { tenantId, ...(options.status ? { status: options.status } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.take ?? 50,
    select: {
      id: true, email: true, firstName: true, status: true, createdAt: true, syncedAt: true, attempts: true,
      lastError: true, hubspotContactId: true, connection: { select: { externalAccountId: true } },
    },
  });
  return rows.map(({ connection, ...row }) => ({ ...row, portalId: connection?.externalAccountId ?? null }));
}

/** Whether new signups have somewhere to go, in words for the banner above the list. */
export async function destinationSummary(db: Db, tenantId: string): Promise<"connected" | "needs-reconnect" | "not-connected"> {
  const connections = await db.connection.findMany({ where: { tenantId }, select: { status: true } });
  if (connections.length === 0) return "not-connected";
  return connections.some((connection) => connection.status !== "NEEDS_RECONNECT") ? "connected" : "needs-reconnect";
}
