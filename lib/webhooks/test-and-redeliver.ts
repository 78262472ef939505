// "Send test event" and "Redeliver": both go through the ordinary delivery queue, so they are signed,
// retried and logged like every other delivery. A redelivery keeps the event's webhook-id. Both are
// audited with whoever asked (a member or an API key).
import { AppError } from "@/lib/app-error";
import { recordChange, type AuditActor } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/create-client";
import { webhookEventRows } from "./record-webhook-events";

type EndpointRef = { id: string; tenantId: string | null };

export async function sendTestEvent(db: Db, endpoint: EndpointRef, actor: AuditActor): Promise<{ deliveryId: string; eventId: string }> {
  const [row] = webhookEventRows([
    { tenantId: endpoint.tenantId, type: "webhook.test", data: { endpointId: endpoint.id, message: "A test event from Switchboard." } },
  ]);
  if (!row) throw new Error("no event row");
  // Already fanned out: a test event goes to this endpoint only.
  const [, delivery] = await db.$transaction([
    db.webhookEvent.create({ data: { ...row, fannedOutAt: new Date() } }),
    db.webhookDelivery.create({ data: { eventId: row.id, endpointId: endpoint.id }, select: { id: true } }),
  ]);
  await recordChange(db, actor, {
    tenantId: endpoint.tenantId,
    action: "webhook_endpoint",
    subject: `webhook:${endpoint.id}`,
    detail: `Test event ${row.id} queued`,
  });
  return { deliveryId: delivery.id, eventId: row.id };
}

/** Puts a delivery of this endpoint back in the queue, due now, with a fresh attempt budget. */
export async function redeliver(
  db: Db,
  endpoint: EndpointRef,
  deliveryId: string,
  actor: AuditActor,
): Promise<{ deliveryId: string; eventId: string }> {
  const delivery = await db.webhookDelivery.findFirst({
    where: { id: deliveryId, endpointId: endpoint.id },
    select: { id: true, eventId: true },
  });
  if (!delivery) throw AppError.notFound("That delivery");
  await db.webhookDelivery.update({
    where: { id: delivery.id },
    data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), claimedBy: null, claimedUntil: null },
  });
  await recordChange(db, actor, {
    tenantId: endpoint.tenantId,
    action: "webhook_endpoint",
    subject: `webhook:${endpoint.id}`,
    detail: `Event ${delivery.eventId} queued for redelivery`,
  });
  return { deliveryId: delivery.id, eventId: delivery.eventId };
}
