// Turns outbox events into one delivery per matching endpoint (the event's tenant's endpoints and
// the operator-wide ones, enabled, subscribed to the type, and existing when the event happened).
// Any worker may fan out any event: the unique (eventId, endpointId) makes a second fan-out of the
// same event a no-op, so workers need no claim here. Each delivery is due when its event happened.
import { insertDeliveries, markEventsFannedOut, selectUnfannedEvents } from "@/lib/db/statements/outbox";
import type { Store } from "@/lib/db/store";
import { endpointTypes } from "./manage-endpoints";

export async function fanOutEvents(store: Store, limit = 200): Promise<number> {
  const { db } = store;
  // Raw SQL (lib/db/statements/outbox.ts) here and below: with an event per synced contact,
  // Prisma's query building for 200 ids cost the worker more than the statements cost the database.
  const events = await selectUnfannedEvents(db, limit);
  if (events.length === 0) return 0;
  const tenantIds = [...new Set(events.map((event) => event.tenantId).filter((id): id is string => id !== null))];
  const endpoints = await db.webhookEndpoint.findMany({
    where: { enabled: true, OR: [{ tenantId: null }, { tenantId: { in: tenantIds } }] },
    select: { id: true, tenantId: true, eventTypes: true, createdAt: true },
  });
  const rows = events.flatMap((event) =>
    endpoints
      .filter((endpoint) => endpoint.tenantId === null || endpoint.tenantId === event.tenantId)
      .filter((endpoint) => endpoint.createdAt <= event.createdAt)
      .filter((endpoint) => {
        const types = endpointTypes(endpoint.eventTypes);
        return types.length === 0 || types.includes(event.type as never);
      })
      .map((endpoint) => ({ eventId: event.id, endpointId: endpoint.id })),
  );
  // ON CONFLICT DO NOTHING: a second fan-out of the same event (another worker) writes nothing twice.
  await insertDeliveries(store, rows, new Date());
  // Only events still open: a second worker that read the same ones writes nothing twice.
  await markEventsFannedOut(
    store,
    events.map((event) => event.id),
    new Date(),
  );
  return events.length;
}
