// Which endpoints receive an event: an enabled endpoint of the event's tenant, or an operator-wide
// one (no tenant), subscribed to the event's type or to every type. Fan-out delivers by this rule to
// the endpoints that existed when the event happened; the outbox writers use it to leave out events
// no endpoint takes at all — such an event would never leave, and a signup's event carries the
// person's address (lib/db/statements/outbox.ts re-checks the kinds left out in SQL, by the same rule).
import type { Db } from "@/lib/db/create-client";
import type { Unannounced } from "@/lib/db/statements/outbox";
import { endpointTypes } from "./manage-endpoints";

export type ReceivingEndpoint = { tenantId: string | null; eventTypes: string };

/** Whether an enabled `endpoint` takes an event of `type` for `tenantId`. */
export function receives(endpoint: ReceivingEndpoint, event: { tenantId: string | null; type: string }): boolean {
  if (endpoint.tenantId !== null && endpoint.tenantId !== event.tenantId) return false;
  const types = endpointTypes(endpoint.eventTypes);
  return types.length === 0 || types.includes(event.type as never);
}

/** The enabled endpoints that may receive events of these tenants: theirs and the operator-wide ones. */
export function candidateEndpoints<T extends { tenantId: string | null }>(db: Pick<Db, "webhookEndpoint">, events: readonly T[]) {
  const tenantIds = [...new Set(events.flatMap((event) => (event.tenantId === null ? [] : [event.tenantId])))];
  return db.webhookEndpoint.findMany({
    where: { enabled: true, OR: [{ tenantId: null }, { tenantId: { in: tenantIds } }] },
    select: { id: true, tenantId: true, eventTypes: true, createdAt: true },
  });
}

/**
 * Splits announcements into those some enabled endpoint receives and the kinds of event (tenant,
 * type) none does, read once for the whole batch: a writer then builds and sends only the events
 * that will be kept, and its statement re-checks the kinds it left out (receivableAmongSql).
 */
export async function splitByReceivers<T>(
  db: Pick<Db, "webhookEndpoint">,
  announcements: readonly T[],
  kindOf: (announcement: T) => Unannounced,
): Promise<{ received: T[]; unannounced: Unannounced[] }> {
  if (announcements.length === 0) return { received: [], unannounced: [] };
  const endpoints = await candidateEndpoints(db, announcements.map(kindOf));
  const received: T[] = [];
  const unannounced = new Map<string, Unannounced>();
  for (const announcement of announcements) {
    const kind = kindOf(announcement);
    if (endpoints.some((endpoint) => receives(endpoint, kind))) received.push(announcement);
    else unannounced.set(`${kind.tenantId}\u0000${kind.type}`, kind);
  }
  return { received, unannounced: [...unannounced.values()] };
}
