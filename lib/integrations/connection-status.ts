// Health decisions about a connection, from what its provider calls showed. Each status change
// itself goes through changeConnectionStatus (connection-lifecycle.ts), which also writes the
// webhook event and the audit entry and reconciles waiting signups.
import type { Db } from "@/lib/db/create-client";
import { changeConnectionStatus, SYSTEM, type StatusActor } from "./connection-lifecycle";

export type { StatusActor };

/**
 * When failures count as persisting: this many failed operations in a row, or failures for this
 * long. A failure that clears on the next try never reaches either, so it is never reported.
 */
export type HealthPolicy = { degradedAfterFailures: number; degradedAfterMs: number };
export const DEFAULT_HEALTH_POLICY: HealthPolicy = { degradedAfterFailures: 3, degradedAfterMs: 10 * 60_000 };

const identitySelect = { id: true, tenantId: true, provider: true, portalId: true, status: true } as const;

/** Permanent failure: stop using the grant until an admin reconnects. Also drops any lease. */
export async function markNeedsReconnect(db: Db, connectionId: string, reason: string, actor: StatusActor = SYSTEM) {
  const row = await db.connection.findUnique({ where: { id: connectionId }, select: identitySelect });
  if (!row) return;
  await changeConnectionStatus(db, {
    connection: row,
    to: "NEEDS_RECONNECT",
    reason,
    actor,
    data: { refreshLeaseOwner: null, refreshLeaseExpiresAt: null },
  });
}

/**
 * One failed operation (a refresh after its retries, a test): counted, and the start of the run
 * kept; Degraded once the failures persist past the policy. Never overrides Needs reconnect.
 */
export async function recordProviderFailure(db: Db, connectionId: string, reason: string, policy: HealthPolicy, now = new Date()) {
  const row = await db.connection.findUnique({ where: { id: connectionId }, select: identitySelect });
  if (!row || row.status === "NEEDS_RECONNECT") return;
  await db.connection.updateMany({ where: { id: connectionId, failingSince: null }, data: { failingSince: now } });
  const updated = await db.connection.update({
    where: { id: connectionId },
    data: { consecutiveFailures: { increment: 1 } },
    select: { consecutiveFailures: true, failingSince: true },
  });
  const failingForMs = now.getTime() - (updated.failingSince ?? now).getTime();
  const persisting = updated.consecutiveFailures >= policy.degradedAfterFailures || failingForMs >= policy.degradedAfterMs;
  if (persisting && row.status === "CONNECTED") {
    await changeConnectionStatus(db, { connection: row, to: "DEGRADED", reason, onlyFrom: ["CONNECTED"] });
  }
}

/** A successful provider call: failures reset, Degraded goes back to Connected. */
export async function recordProviderSuccess(db: Db, connectionId: string) {
  const row = await db.connection.findUnique({ where: { id: connectionId }, select: { ...identitySelect, consecutiveFailures: true } });
  if (!row || row.status === "NEEDS_RECONNECT") return;
  if (row.status === "DEGRADED") {
    await changeConnectionStatus(db, {
      connection: row,
      to: "CONNECTED",
      reason: "HubSpot answered again",
      onlyFrom: ["DEGRADED"],
      data: { consecutiveFailures: 0, failingSince: null },
    });
  } else if (row.consecutiveFailures > 0) {
    await db.connection.updateMany({
      where: { id: connectionId, status: "CONNECTED" },
      data: { consecutiveFailures: 0, failingSince: null },
    });
  }
}
