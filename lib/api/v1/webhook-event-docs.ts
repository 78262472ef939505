// The webhook events as the OpenAPI document lists them (its `webhooks` section), from the catalog.
import type { z } from "zod";
import { envelopeSchema, webhookEventCatalog, webhookEventTypes } from "@/lib/webhooks/event-types";

export const webhookEventDocs: { type: string; summary: string; schema: z.ZodType }[] = webhookEventTypes.map((type) => ({
  type,
  summary: webhookEventCatalog[type].summary,
  schema: envelopeSchema(type),
}));
