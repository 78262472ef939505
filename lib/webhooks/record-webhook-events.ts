// The outbox: recordWebhookEvents(tx, events) writes events in the caller's transaction, so an event
// exists exactly when the change it reports was committed. Delivery workers fan them out later.
// Returns a Prisma promise, usable both in $transaction([...]) arrays and awaited inside
// interactive transactions.
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/create-client";
import type { WebhookEventData, WebhookEventType } from "./event-types";

export type OutboxEvent<T extends WebhookEventType = WebhookEventType> = { tenantId: string | null; type: T; data: WebhookEventData<T> };

/** Anything with the webhookEvent delegate: the client or an interactive transaction. */
export type OutboxWriter = Pick<Db, "webhookEvent">;

/** Standard Webhooks message ids: unique per event, kept across retries and redeliveries. */
export function newMessageId(): string {
  return `msg_${randomBytes(16).toString("base64url")}`;
}

export function webhookEventRows(events: OutboxEvent[], now = new Date()) {
  return events.map((event) => ({
    id: newMessageId(),
    tenantId: event.tenantId,
    type: event.type,
    payload: JSON.stringify({ type: event.type, timestamp: now.toISOString(), data: event.data }),
    createdAt: now,
  }));
}

export function recordWebhookEvents(tx: OutboxWriter, events: OutboxEvent[]) {
  return tx.webhookEvent.createMany({ data: webhookEventRows(events) });
}
