// The outbox: recordWebhookEvents(tx, events) writes events in the caller's transaction, so an event
// exists exactly when the change it reports was committed. Delivery workers fan them out later.
// Returns a Prisma promise, usable both in $transaction([...]) arrays and awaited inside
// interactive transactions. Callers that write their change in raw SQL (the signup sync, a batch
// at a time) take the same rows as one INSERT statement: webhookEventsInsert.
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/create-client";
import type { DatabaseProvider } from "@/lib/db/database-url";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { jsonRows } from "@/lib/db/json-rows";
import type { WebhookEventData, WebhookEventType } from "./event-types";

export type OutboxEvent<T extends WebhookEventType = WebhookEventType> = { tenantId: string | null; type: T; data: WebhookEventData<T> };

/** Anything with the webhookEvent delegate: the client or an interactive transaction. */
export type OutboxWriter = Pick<Db, "webhookEvent">;

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

export function recordWebhookEvents(tx: OutboxWriter, events: OutboxEvent[]) {
  return tx.webhookEvent.createMany({ data: webhookEventRows(events) });
}

/**
 * The events as one INSERT statement (its rows in one parameter), for raw SQL writers. With a
 * filter, each event carries a key (e."key") and only the events its condition keeps are written.
 */
export function webhookEventsInsert(
  provider: DatabaseProvider,
  events: OutboxEvent[],
  now = new Date(),
  filter?: { keys: readonly string[]; keep: Prisma.Sql },
): Prisma.Sql {
  const rows = webhookEventRows(events, now).map((row, index) => [row.id, row.tenantId, row.type, row.payload, filter?.keys[index] ?? null] as const);
  return Prisma.sql`INSERT INTO "WebhookEvent" ("id", "tenantId", "type", "payload", "createdAt")
    SELECT e."id", e."tenantId", e."type", e."payload", ${now} FROM ${jsonRows(provider, ["id", "tenantId", "type", "payload", "key"], rows)} AS e
    ${filter ? Prisma.sql`WHERE ${filter.keep}` : Prisma.empty}`;
}
