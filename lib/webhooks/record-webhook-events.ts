// The outbox: recordWebhookEvents(tx, events) writes events in the caller's transaction, so an event
// exists exactly when the change it reports was committed — if an endpoint receives it at all
// (event-receivers.ts): an event nobody takes is not kept. Delivery workers fan them out later.
// Callers that write their change in raw SQL (the signup sync, a batch at a time) hand the rows
// they chose by the same rule to the database layer's statement: keyedWebhookEventRows.
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/create-client";
import type { OutboxRow } from "@/lib/db/statements/outbox";
import { splitByReceivers } from "./event-receivers";
import type { WebhookEventData, WebhookEventType } from "./event-types";

export type OutboxEvent<T extends WebhookEventType = WebhookEventType> = { tenantId: string | null; type: T; data: WebhookEventData<T> };

/** Anything with the outbox's delegates: the client or an interactive transaction. */
export type OutboxWriter = Pick<Db, "webhookEvent" | "webhookEndpoint">;

// Standard Webhooks message ids: unique per event, kept across retries and redeliveries. 16 bytes,
// time first (milliseconds, 6 bytes) then 80 random bits, like the KSUIDs in Standard Webhooks' own
// examples: the ids of one moment sit side by side in the primary key, so a batch of events fills
// one or two index pages instead of a hundred random ones (in either database's write-ahead log).
const TIME_BYTES = 6;
const RANDOM_BYTES = 10;

function newMessageIds(count: number, now: Date): string[] {
  const random = randomBytes(RANDOM_BYTES * count);
  const id = Buffer.alloc(TIME_BYTES + RANDOM_BYTES);
  id.writeUIntBE(now.getTime(), 0, TIME_BYTES);
  return Array.from({ length: count }, (_, index) => {
    random.copy(id, TIME_BYTES, index * RANDOM_BYTES, (index + 1) * RANDOM_BYTES);
    return `msg_${id.toString("base64url")}`;
  });
}

export function webhookEventRows(events: OutboxEvent[], now = new Date()) {
  const ids = newMessageIds(events.length, now);
  const timestamp = now.toISOString();
  return events.map((event, index) => ({
    id: ids[index]!,
    tenantId: event.tenantId,
    type: event.type,
    payload: JSON.stringify({ type: event.type, timestamp, data: event.data }),
    createdAt: now,
  }));
}

/** Writes the events some endpoint receives (event-receivers.ts), in the caller's transaction `tx`. */
export async function recordWebhookEvents(tx: OutboxWriter, events: OutboxEvent[]): Promise<void> {
  const { received } = await splitByReceivers(tx, events, (event) => event);
  if (received.length > 0) await tx.webhookEvent.createMany({ data: webhookEventRows(received) });
}

/** The events as rows for a raw SQL writer (lib/db/statements/), each tied by `key` to the row it reports. */
export function keyedWebhookEventRows(events: readonly { key: string; event: OutboxEvent }[], now = new Date()): OutboxRow[] {
  return webhookEventRows(
    events.map(({ event }) => event),
    now,
  ).map((row, index) => ({
    id: row.id,
    tenantId: row.tenantId,
    type: row.type,
    payload: row.payload,
    key: events[index]!.key,
  }));
}
