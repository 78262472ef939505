// The one place a connection's status changes: connect, reconnect, degrade, recover, needs
// reconnect and disconnect all go through changeConnectionStatus. In that one place the change
// commits together with its webhook event (the outbox), the tenant's waiting signups are brought
// into line with it, and the audit log (which is also the connection's health timeline) records it.
import type { AuditAction, AuditOutcome } from "@/lib/audit/record-audit-event";
import { connectionSubject, recordAuditEvent, SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import { reconcileTenantSignups } from "@/lib/signups/sync/waiting-signups";
import { connectionEvent, type ConnectionEventType } from "@/lib/webhooks/outbox-events";
import { recordWebhookEvents } from "@/lib/webhooks/record-webhook-events";

export type ConnectionStatusName = "CONNECTED" | "DEGRADED" | "NEEDS_RECONNECT";
export type StatusActor = { userId: string | null; label: string };
export const SYSTEM: StatusActor = { userId: null, label: SYSTEM_ACTOR };

export type ConnectionIdentity = { id: string; tenantId: string; provider: string; portalId: string };

export type ConnectionChange = {
  connection: ConnectionIdentity;
  /** What the connection becomes; DISCONNECTED deletes the row, and every byte of token material with it. */
  to: ConnectionStatusName | "DISCONNECTED";
  /** Why, for the tenant: the status reason, the webhook's `reason` and the audit detail. */
  reason: string | null;
  actor?: StatusActor;
  /** Compare-and-swap: the change applies only while the row is in one of these states. */
  onlyFrom?: readonly ConnectionStatusName[];
  /** Columns written in the same statement (new tokens on reconnect, a dropped lease, …). */
  data?: Prisma.ConnectionUncheckedUpdateManyInput;
  /** A new connection: the row to insert (`to` is its first status). */
  create?: Prisma.ConnectionUncheckedCreateInput;
  /** Extra webhook fields (disconnect: whether the app was uninstalled). */
  eventExtras?: { uninstalled?: boolean };
  /** The entry naming the act itself (connect, reconnect, disconnect); a bare status change is recorded otherwise. */
  audit?: { action: AuditAction; outcome: AuditOutcome; detail: string };
};

export type ChangeResult = { applied: boolean; from: ConnectionStatusName | null };

export async function changeConnectionStatus(db: Db, change: ConnectionChange): Promise<ChangeResult> {
  const { connection, to } = change;
  const result = await db.$transaction(async (tx): Promise<ChangeResult> => {
    const current = change.create ? null : await tx.connection.findUnique({ where: { id: connection.id }, select: { status: true } });
    const from = current?.status ?? null;
    if (change.create) {
      await tx.connection.create({
        data: { ...change.create, status: to === "DISCONNECTED" ? "CONNECTED" : to, statusReason: change.reason },
      });
    } else if (!from || (change.onlyFrom && !change.onlyFrom.includes(from))) {
      return { applied: false, from };
    } else if (to === "DISCONNECTED") {
      await tx.tenant.updateMany({
        where: { id: connection.tenantId, newsletterConnectionId: connection.id },
        data: { newsletterConnectionId: null },
      });
      await tx.connection.deleteMany({ where: { id: connection.id, tenantId: connection.tenantId } });
    } else {
      // `status: from` makes the write conditional: of two racing changes only the first applies.
      const { count } = await tx.connection.updateMany({
        where: { id: connection.id, status: from },
        data: { ...change.data, status: to, statusReason: to === "CONNECTED" ? null : change.reason },
      });
      if (count !== 1) return { applied: false, from };
    }
    const type = eventTypeOf(from, to);
    if (type)
      await recordWebhookEvents(tx, [
        connectionEvent(type, connection, type === "connection.recovered" ? null : change.reason, to, change.eventExtras),
      ]);
    const entry = timelineEntryOf(type, change);
    if (entry) {
      await tx.connectionEvent.create({
        data: {
          tenantId: connection.tenantId,
          connectionId: connection.id,
          type: entry,
          reason: change.reason,
          actorLabel: (change.actor ?? SYSTEM).label,
        },
      });
    }
    return { applied: true, from };
  });
  if (!result.applied) return result;
  // Whether signups can be sent may have changed either way (the destination rule decides).
  if (result.from !== to) await reconcileTenantSignups(db, connection.tenantId);
  await auditChange(db, change, result.from);
  return result;
}

function eventTypeOf(from: ConnectionStatusName | null, to: ConnectionChange["to"]): ConnectionEventType | null {
  if (to === "DISCONNECTED") return "connection.disconnected";
  if (from === null) return "connection.created";
  if (from === to) return null;
  if (to === "CONNECTED") return "connection.recovered";
  // Degraded is reported only from Connected: a broken grant that starts answering slowly is still broken.
  if (to === "DEGRADED") return from === "CONNECTED" ? "connection.degraded" : null;
  return "connection.needs_reconnect";
}

export type TimelineEntryType = "connected" | "reconnected" | "degraded" | "recovered" | "needs_reconnect" | "disconnected";

// The timeline names what happened: an admin's reconnect is "reconnected" (unless it left the grant
// broken), whatever the status was before; otherwise the webhook event's name.
function timelineEntryOf(type: ConnectionEventType | null, change: ConnectionChange): TimelineEntryType | null {
  if (change.audit?.action === "reconnect" && type !== "connection.needs_reconnect") return "reconnected";
  if (!type) return null;
  const name = type.slice("connection.".length);
  return name === "created" ? "connected" : (name as TimelineEntryType);
}

async function auditChange(db: Db, change: ConnectionChange, from: ConnectionStatusName | null) {
  const { connection, to } = change;
  const actor = change.actor ?? SYSTEM;
  const base = {
    tenantId: connection.tenantId,
    connectionId: to === "DISCONNECTED" ? null : connection.id,
    subject: connectionSubject(connection.provider, connection.portalId),
    actorUserId: actor.userId,
    actorLabel: actor.label,
  };
  if (change.audit) await recordAuditEvent(db, { ...base, ...change.audit });
  if (from && to !== "DISCONNECTED" && from !== to) {
    await recordAuditEvent(db, {
      ...base,
      action: "status_change",
      outcome: to === "CONNECTED" ? "success" : to === "DEGRADED" ? "warning" : "failure",
      detail: `${from} → ${to}: ${change.reason ?? "working again"}`,
    });
  }
}
