// Placeholder list of documented webhook events; filled by the webhooks module.
import type { z } from "zod";

export const webhookEventDocs: { type: string; summary: string; schema: z.ZodType }[] = [];
