// "Send test event" and "Redeliver": both go through the ordinary delivery queue, so they are signed,
// retried and logged like every other delivery. A redelivery keeps the event's webhook-id.
import type { Db } from "@/lib/db/create-client";
import { webhookEventRows } from "./record-webhook-events";

export async function sendTestEvent(db: Db, endpoint: { id: string; tenantId: string | null }): Promise<{ deliveryId: string; eventId: string }> {
  const [row] = webhookEventRows([
    { tenantId: endpoint.tenantId, type: "webhook.test", data: { endpointId: endpoint.id, message: "A test event from Switchboard." } },
  ]);
  if (!row) throw new Error("no event row");
  // Already fanned out: a test event goes to this endpoint only.
  const [, delivery] = await db.$transaction([
    db.webhookEvent.create({ data: { ...row, fannedOutAt: new Date() } }),
    db.webhookDelivery.create({ data: { eventId: row.id, endpointId: endpoint.id }, select: { id: true } }),
  ]);
  return { deliveryId: delivery.id, eventId: row.id };
}

/** Puts a delivery back in the queue, due now, with a fresh attempt budget. */
export async function redeliver(db: Db, deliveryId: string): Promise<void> {
  await db.webhookDelivery.update({
    where: { id: deliveryId },
    data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), claimedBy: null, claimedUntil: null },
  });
}
