// Health decisions about a connection, from what its provider calls showed. Each status change
// itself goes through changeConnectionStatus (connection-lifecycle.ts), which also writes the
// webhook event and the audit entry and reconciles waiting signups.
import type { Db } from "@/lib/db/create-client";
import { changeConnectionStatus, SYSTEM, type StatusActor } from "./connection-lifecycle";

export type { StatusActor };

/** Failed provider calls in a row after which a connection shows as Degraded. */
export const DEGRADED_AFTER_FAILURES = 3;

const identitySelect = { id: true, tenantId: true, provider: true, portalId: true, status: true } as const;

/** Permanent failure: stop using the grant until an admin reconnects. Also drops any lease. */
export async function markNeedsReconnect(db: Db, connectionId: string, reason: string, actor: StatusActor = SYSTEM) {
  const row = await db.connection.findUnique({ where: { id: connectionId }, select: identitySelect });
  if (!row) return;
  await changeConnectionStatus(db, {
    connection: row, to: "NEEDS_RECONNECT", reason, actor,
    data: { refreshLeaseOwner: null, refreshLeaseExpiresAt: null },
  });
}

/** Transient failures: counted; Degraded once they repeat. Never overrides Needs reconnect. */
export async function recordProviderFailures(db: Db, connectionId: string, failures: number, reason: string) {
  const row = await db.connection.findUnique({ where: { id: connectionId }, select: identitySelect });
  if (!row || row.status === "NEEDS_RECONNECT") return;
  const updated = await db.connection.update({
    where: { id: connectionId },
    data: { consecutiveFailures: { increment: failures } },
    select: { consecutiveFailures: true },
  });
  if (updated.consecutiveFailures >= DEGRADED_AFTER_FAILURES && row.status === "CONNECTED") {
    await changeConnectionStatus(db, { connection: row, to: "DEGRADED", reason, onlyFrom: ["CONNECTED"] });
  }
}

/** A successful provider call: failures reset, Degraded goes back to Connected. */
export async function recordProviderSuccess(db: Db, connectionId: string) {
  const row = await db.connection.findUnique({ where: { id: connectionId }, select: { ...identitySelect, consecutiveFailures: true } });
  if (!row || row.status === "NEEDS_RECONNECT") return;
  if (row.status === "DEGRADED") {
    await changeConnectionStatus(db, { connection: row, to: "CONNECTED", reason: "HubSpot answered again", onlyFrom: ["DEGRADED"], data: { consecutiveFailures: 0 } });
  } else if (row.consecutiveFailures > 0) {
    await db.connection.updateMany({ where: { id: connectionId, status: "CONNECTED" }, data: { consecutiveFailures: 0 } });
  }
}
