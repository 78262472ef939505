// Health transitions of a connection, each recorded in the audit log when the status changes.
// Also used by the signup sync when a CRM call proves the grant is gone or HubSpot is down.
import { connectionSubject, recordAuditEvent, SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/create-client";
import { reconcileTenantSignups } from "@/lib/signups/sync/waiting-signups";
import { connectionEvent } from "@/lib/webhooks/outbox-events";
import { recordWebhookEvents } from "@/lib/webhooks/record-webhook-events";

/** Failed provider calls in a row after which a connection shows as Degraded. */
export const DEGRADED_AFTER_FAILURES = 3;

export type StatusActor = { userId: string | null; label: string };
const system: StatusActor = { userId: null, label: SYSTEM_ACTOR };

type ConnectionIdentity = { id: string; tenantId: string; provider: string; portalId: string; status: string };

async function loadIdentity(db: Db, connectionId: string): Promise<ConnectionIdentity | null> {
  return db.connection.findUnique({
    where: { id: connectionId },
    select: { id: true, tenantId: true, provider: true, portalId: true, status: true },
  });
}

async function auditStatusChange(db: Db, row: ConnectionIdentity, to: string, reason: string, actor: StatusActor) {
  if (row.status === to) return;
  await recordAuditEvent(db, {
    tenantId: row.tenantId,
    connectionId: row.id,
    subject: connectionSubject(row.provider, row.portalId),
    actorUserId: actor.userId,
    actorLabel: actor.label,
    action: "status_change",
    outcome: to === "CONNECTED" ? "success" : to === "DEGRADED" ? "warning" : "failure",
    detail: `${row.status} → ${to}: ${reason}`,
  });
}

/** Permanent failure: stop using the grant until an admin reconnects. Also drops any lease. */
export async function markNeedsReconnect(db: Db, connectionId: string, reason: string, actor: StatusActor = system) {
  const row = await loadIdentity(db, connectionId);
  if (!row) return;
  // The webhook event commits with the status change (outbox), or not at all.
  await db.$transaction([
    db.connection.update({
      where: { id: connectionId },
      data: { status: "NEEDS_RECONNECT", statusReason: reason, refreshLeaseOwner: null, refreshLeaseExpiresAt: null },
    }),
    ...(row.status === "NEEDS_RECONNECT" ? [] : [recordWebhookEvents(db, [connectionEvent("connection.needs_reconnect", row, reason)])]),
  ]);
  await reconcileTenantSignups(db, row.tenantId);
  await auditStatusChange(db, row, "NEEDS_RECONNECT", reason, actor);
}

/** Transient failures: counted; Degraded once they repeat. Never overrides Needs reconnect. */
export async function recordProviderFailures(db: Db, connectionId: string, failures: number, reason: string) {
  const row = await loadIdentity(db, connectionId);
  if (!row || row.status === "NEEDS_RECONNECT") return;
  const updated = await db.connection.update({
    where: { id: connectionId },
    data: { consecutiveFailures: { increment: failures } },
    select: { consecutiveFailures: true },
  });
  if (updated.consecutiveFailures >= DEGRADED_AFTER_FAILURES && row.status !== "DEGRADED") {
    const changed = await db.$transaction(async (tx) => {
      const { count } = await tx.connection.updateMany({
        where: { id: connectionId, status: "CONNECTED" },
        data: { status: "DEGRADED", statusReason: reason },
      });
      if (count === 1) await recordWebhookEvents(tx, [connectionEvent("connection.degraded", row, reason)]);
      return count === 1;
    });
    if (changed) await auditStatusChange(db, row, "DEGRADED", reason, system);
  }
}

/** A successful provider call: failures reset, Degraded goes back to Connected. */
export async function recordProviderSuccess(db: Db, connectionId: string) {
  const row = await loadIdentity(db, connectionId);
  if (!row || row.status === "NEEDS_RECONNECT") return;
  const count = await db.$transaction(async (tx) => {
    const result = await tx.connection.updateMany({
      where: { id: connectionId, status: { not: "NEEDS_RECONNECT" } },
      data: { consecutiveFailures: 0, status: "CONNECTED", statusReason: null },
    });
    if (result.count === 1 && row.status === "DEGRADED") await recordWebhookEvents(tx, [connectionEvent("connection.recovered", row)]);
    return result.count;
  });
  if (count === 1) await auditStatusChange(db, row, "CONNECTED", "HubSpot answered again", system);
}
