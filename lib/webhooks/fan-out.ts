// Turns outbox events into one delivery per matching endpoint (the event's tenant's endpoints and
// the operator-wide ones, enabled, subscribed to the type, and existing when the event happened).
// Workers take the oldest open events (on PostgreSQL each its own, locked until its step commits);
// the unique (eventId, endpointId) makes any repeat a no-op. Each delivery is due when its event happened.
import { fanOutOldestEvents, type DeliveryPair, type OutboxConnection, type UnfannedEvent } from "@/lib/db/statements/outbox";
import type { Store } from "@/lib/db/store";
import { candidateEndpoints, receives } from "./event-receivers";

/** Fans out up to `limit` of the oldest open events; returns how many it took. */
export async function fanOutEvents(store: Store, limit = 200): Promise<number> {
  // Raw SQL (lib/db/statements/outbox.ts): with an event per synced contact, Prisma's query
  // building for 200 ids cost the worker more than the statements cost the database.
  return fanOutOldestEvents(store, limit, deliveriesFor);
}

/** The deliveries for these events: one per matching endpoint (see the top of this file). */
async function deliveriesFor({ db }: OutboxConnection, events: UnfannedEvent[]): Promise<DeliveryPair[]> {
  const endpoints = await candidateEndpoints(db, events);
  return events.flatMap((event) =>
    endpoints
      .filter((endpoint) => endpoint.createdAt <= event.createdAt && receives(endpoint, event))
      .map((endpoint) => ({ eventId: event.id, endpointId: endpoint.id })),
  );
}
