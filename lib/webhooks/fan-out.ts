// Turns outbox events into one delivery per matching endpoint (the event's tenant's endpoints and
// the operator-wide ones, enabled, subscribed to the type, and existing when the event happened).
// Any worker may fan out any event: the unique (eventId, endpointId) makes a second fan-out of the
// same event a no-op, so workers need no claim here.
import type { Db } from "@/lib/db/create-client";
import { markEventsFannedOut, selectUnfannedEvents } from "@/lib/db/statements/outbox";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { endpointTypes } from "./manage-endpoints";

export async function fanOutEvents(db: Db, limit = 200): Promise<number> {
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
      .map((endpoint) => ({ eventId: event.id, endpointId: endpoint.id, nextAttemptAt: event.createdAt })),
  );
  await insertIgnoringDuplicates(db, rows);
  // Only events still open: a second worker that read the same ones writes nothing twice.
  await markEventsFannedOut(db, events.map((event) => event.id), new Date());
  return events.length;
}

type DeliveryRow = { eventId: string; endpointId: string; nextAttemptAt: Date };

// One statement for the usual case; one by one when another worker fanned out the same event.
async function insertIgnoringDuplicates(db: Db, rows: DeliveryRow[]): Promise<void> {
  if (rows.length === 0) return;
  try {
    await db.webhookDelivery.createMany({ data: rows });
    return;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  for (const row of rows) {
    try {
      await db.webhookDelivery.create({ data: row, select: { id: true } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
}
