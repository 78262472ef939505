import type { SimulatorConfig } from "../config";
import type { WebhookDeliveries } from "../state/webhook-deliveries";
import type { HappenedEvent } from "./apply-events";
import type { SendInput } from "./event-input";

// HubSpot's webhook event JSON (HUBSPOT-2026-03.md §5): eventId, subscriptionId, portalId, appId,
// occurredAt (ms), the type as subscriptionType and/or eventType, attemptNumber (set per attempt
// by deliver.ts), objectId, plus changeFlag/changeSource/propertyName/… by type.

/** One subscription id per event type, as if the app had subscribed to each once. */
export const SUBSCRIPTION_IDS: Record<string, number> = {
  "contact.creation": 1001,
  "contact.deletion": 1002,
  "contact.privacyDeletion": 1003,
  "contact.propertyChange": 1004,
  "contact.merge": 1005,
};

export function eventPayloads(
  happened: HappenedEvent[],
  input: Pick<SendInput, "portalId" | "typeField" | "shuffle">,
  config: SimulatorConfig,
  deliveries: WebhookDeliveries,
): Record<string, unknown>[] {
  const occurredAt = Date.now();
  const events = happened.map((event) => ({
    eventId: deliveries.eventId(),
    subscriptionId: SUBSCRIPTION_IDS[event.type] ?? 0,
    portalId: input.portalId,
    appId: config.appId,
    occurredAt,
    ...(input.typeField === "eventType" ? {} : { subscriptionType: event.type }),
    ...(input.typeField === "subscriptionType" ? {} : { eventType: event.type }),
    attemptNumber: 0,
    objectId: event.objectId,
    ...event.fields,
  }));
  // HubSpot guarantees no order (a privacy deletion's two events come either way round).
  if (input.shuffle) events.sort(() => Math.random() - 0.5);
  return events;
}
