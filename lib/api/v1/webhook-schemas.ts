// What /api/v1 says about webhook endpoints and their deliveries.
import { z } from "zod";
import { endpointFieldsSchema, endpointTypes } from "@/lib/webhooks/manage-endpoints";
import type { DeliveryRow } from "@/lib/webhooks/list-deliveries";

export const webhookEndpointSchema = z
  .object({
    id: z.string(),
    tenantId: z.string().nullable().describe("null: an operator-wide endpoint that hears every tenant"),
    url: z.string(),
    description: z.string(),
    eventTypes: z.array(z.string()).describe("Subscribed event types; empty = every event"),
    enabled: z.boolean(),
    disabledReason: z.string().nullable(),
    failingSince: z.iso
      .datetime()
      .nullable()
      .describe("Start of the current run of failed deliveries (3 days of it disables the endpoint)"),
    previousSecretExpiresAt: z.iso
      .datetime()
      .nullable()
      .describe("Until then deliveries are also signed with the secret before the last rotation"),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "WebhookEndpoint" });

export const endpointWithSecretSchema = z
  .object({ endpoint: webhookEndpointSchema, secret: z.string().describe("The signing secret (whsec_…), shown only in this answer") })
  .meta({ id: "WebhookEndpointWithSecret" });

export const newEndpointSchema = endpointFieldsSchema
  .extend({ tenantId: z.string().min(1).max(100).optional().describe("Operator keys: a tenant's endpoint; absent = operator-wide") })
  .meta({ id: "NewWebhookEndpoint" });

export const endpointChangesSchema = endpointFieldsSchema
  .partial()
  .extend({ enabled: z.boolean().optional() })
  .meta({ id: "WebhookEndpointChanges" });

export const deliverySchema = z
  .object({
    id: z.string(),
    eventId: z.string().describe("The webhook-id receivers saw; the same on every retry and redelivery"),
    eventType: z.string(),
    status: z.enum(["pending", "delivered", "failed"]),
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastLatencyMs: z.number().int().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: z.iso.datetime().nullable(),
    deliveredAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "WebhookDelivery" });

export const deliveryListSchema = z
  .object({ items: z.array(deliverySchema), nextCursor: z.string().nullable() })
  .meta({ id: "WebhookDeliveryList" });
export const queuedDeliverySchema = z.object({ deliveryId: z.string(), eventId: z.string() }).meta({ id: "QueuedDelivery" });

type EndpointRow = {
  id: string;
  tenantId: string | null;
  url: string;
  description: string;
  eventTypes: string;
  enabled: boolean;
  disabledReason: string | null;
  failingSince: Date | null;
  previousSecretExpiresAt: Date | null;
  createdAt: Date;
};

export function endpointView(row: EndpointRow): z.input<typeof webhookEndpointSchema> {
  return {
    id: row.id,
    tenantId: row.tenantId,
    url: row.url,
    description: row.description,
    eventTypes: endpointTypes(row.eventTypes),
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    failingSince: row.failingSince?.toISOString() ?? null,
    previousSecretExpiresAt: row.previousSecretExpiresAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function deliveryView(row: DeliveryRow): z.input<typeof deliverySchema> {
  return {
    id: row.id,
    eventId: row.eventId,
    eventType: row.event.type,
    status: row.status.toLowerCase() as "pending",
    attempts: row.attempts,
    lastStatusCode: row.lastStatusCode,
    lastLatencyMs: row.lastLatencyMs,
    lastError: row.lastError,
    nextAttemptAt: row.status === "PENDING" ? row.nextAttemptAt.toISOString() : null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
