// The events Switchboard sends to webhook endpoints, with the `data` each carries. The schemas are
// the documentation (the OpenAPI document's webhooks) and the contract the emitters are typed by.
import { z } from "zod";

const connectionData = z.object({
  connectionId: z.string(),
  tenantId: z.string(),
  provider: z.string(),
  portalId: z.string(),
  status: z.enum(["connected", "needs_reconnect", "degraded", "disconnected"]),
  reason: z.string().nullable().describe("Why, for showing to the tenant"),
  uninstalled: z
    .boolean()
    .optional()
    .describe(
      "connection.disconnected only: whether the app was also uninstalled from the portal (no other tenant used it) or only this grant revoked",
    ),
});

const signupData = z.object({
  signupId: z.string(),
  tenantId: z.string(),
  email: z.string(),
  hubspotContactId: z.string().nullable(),
  reason: z
    .string()
    .nullable()
    .describe("HubSpot's reason, for signup.failed; how the person unsubscribed (link, api, hubspot), for signup.unsubscribed"),
});

// An erased signup's event names no person: the address is what was erased.
const erasedData = z.object({ signupId: z.string(), tenantId: z.string(), hubspotContactId: z.string().nullable() });

const testData = z.object({ endpointId: z.string(), message: z.string() });

export const webhookEventCatalog = {
  "connection.created": { data: connectionData, summary: "A tenant connected a new HubSpot portal" },
  "connection.needs_reconnect": { data: connectionData, summary: "The grant is gone; a tenant admin must reconnect" },
  "connection.degraded": { data: connectionData, summary: "HubSpot keeps failing for this connection" },
  "connection.recovered": { data: connectionData, summary: "A degraded or broken connection works again" },
  "connection.disconnected": { data: connectionData, summary: "A tenant admin disconnected the portal" },
  "signup.synced": { data: signupData, summary: "A signup is now a HubSpot contact" },
  "signup.failed": { data: signupData, summary: "HubSpot rejected a signup (e.g. an invalid address)" },
  "signup.unsubscribed": { data: signupData, summary: "The person unsubscribed: send them nothing more" },
  "signup.erased": {
    data: erasedData,
    summary: "HubSpot asked for the person's data to be erased (privacy deletion); the signup is an anonymous tombstone now",
  },
  "webhook.test": { data: testData, summary: "Sent by “Send test event”" },
} as const;

export type WebhookEventType = keyof typeof webhookEventCatalog;
export const webhookEventTypes = Object.keys(webhookEventCatalog) as WebhookEventType[];
/** What endpoints can subscribe to (the test event always reaches the endpoint it is sent to). */
export const subscribableEventTypes = webhookEventTypes.filter((type) => type !== "webhook.test");

export type WebhookEventData<T extends WebhookEventType> = z.input<(typeof webhookEventCatalog)[T]["data"]>;

/** The body receivers get, per Standard Webhooks: type, timestamp, data. */
export function envelopeSchema(type: WebhookEventType) {
  return z
    .object({ type: z.literal(type), timestamp: z.iso.datetime(), data: webhookEventCatalog[type].data })
    .meta({ id: `Event_${type.replace(/\W/g, "_")}` });
}
