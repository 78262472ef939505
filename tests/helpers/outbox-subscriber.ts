// The outbox keeps an event only while some endpoint receives it (lib/webhooks/event-receivers.ts):
// a test that reads the events a change wrote first subscribes an endpoint, as a host would. The
// endpoint is a real one (sealed secret, audited); its address refuses connections, so a delivery
// worker that happens to run only retries.
import type { Db } from "@switchboard/lib/db/create-client";
import { activeKeyRing } from "@switchboard/lib/crypto/active-key-ring";
import type { WebhookEventType } from "@switchboard/lib/webhooks/event-types";
import { createEndpoint } from "@switchboard/lib/webhooks/manage-endpoints";

/** An operator-wide endpoint (every tenant's events) unless `tenantId` is given; every type unless `eventTypes`. */
export async function subscribeToEvents(db: Db, options: { tenantId?: string; eventTypes?: WebhookEventType[] } = {}) {
  const { endpoint } = await createEndpoint(
    db,
    { keyRing: activeKeyRing(), urlPolicy: { production: false, allowPrivate: true } },
    options.tenantId ?? null,
    { url: "http://127.0.0.1:9/outbox-reader", ...(options.eventTypes ? { eventTypes: options.eventTypes } : {}) },
    { userId: null, label: "test" },
  );
  return endpoint;
}
