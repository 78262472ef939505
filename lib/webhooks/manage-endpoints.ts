// Webhook endpoints of a tenant (tenantId) or of the operator (null), for the dashboard and the API
// alike. Secrets leave this module only in the return value of create and rotate (shown once).
import { z } from "zod";
import { AppError } from "@/lib/app-error";
import { displayTextSchema } from "@/lib/display-text";
import { activeKeyRing } from "@/lib/crypto/active-key-ring";
import type { Db } from "@/lib/db/create-client";
import { serverEnv } from "@/lib/env/server";
import { newEndpointSecret, sealEndpointSecret } from "./endpoint-secret";
import { refuseEndpointUrl } from "./endpoint-url";
import { subscribableEventTypes, type WebhookEventType } from "./event-types";

/** After a rotation the previous secret keeps signing this long, so receivers can switch over. */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 60 * 60 * 1000;

export const endpointFieldsSchema = z.object({
  url: z.string().trim().min(1, "Enter the URL.").max(2000, "At most 2000 characters."),
  description: displayTextSchema({ label: "Description", max: 200 }).optional(),
  eventTypes: z.array(z.enum(subscribableEventTypes as [WebhookEventType, ...WebhookEventType[]])).max(20).optional()
    .describe("Event types to send; empty or absent = every event"),
});

export type EndpointFields = z.infer<typeof endpointFieldsSchema>;

export const endpointSelect = {
  id: true, tenantId: true, url: true, description: true, eventTypes: true, enabled: true, disabledReason: true,
  failingSince: true, previousSecretExpiresAt: true, createdAt: true, updatedAt: true,
} as const;

async function checkedUrl(url: string): Promise<string> {
  const env = serverEnv();
  const refusal = await refuseEndpointUrl(url, { production: env.NODE_ENV === "production", allowPrivate: env.WEBHOOK_ALLOW_PRIVATE_URLS });
  if (refusal) throw new AppError("invalid_input", refusal, { fieldErrors: { url: [refusal] } });
  return url;
}

export async function createEndpoint(db: Db, tenantId: string | null, fields: EndpointFields) {
  const url = await checkedUrl(fields.url);
  const secret = newEndpointSecret();
  const id = `we_${crypto.randomUUID().replace(/-/g, "")}`;
  const endpoint = await db.webhookEndpoint.create({
    data: {
      id, tenantId, url, description: fields.description ?? "", eventTypes: (fields.eventTypes ?? []).join(" "),
      secretCiphertext: sealEndpointSecret(activeKeyRing(), { id, tenantId }, secret),
    },
    select: endpointSelect,
  });
  return { endpoint, secret };
}

export async function updateEndpoint(db: Db, id: string, changes: Partial<EndpointFields> & { enabled?: boolean }) {
  const url = changes.url === undefined ? undefined : await checkedUrl(changes.url);
  return db.webhookEndpoint.update({
    where: { id },
    data: {
      ...(url !== undefined ? { url } : {}),
      ...(changes.description !== undefined ? { description: changes.description } : {}),
      ...(changes.eventTypes !== undefined ? { eventTypes: changes.eventTypes.join(" ") } : {}),
      // Re-enabling starts a fresh failure clock.
      ...(changes.enabled !== undefined ? { enabled: changes.enabled, disabledReason: null, failingSince: null } : {}),
    },
    select: endpointSelect,
  });
}

/** A new signing secret; the previous one keeps signing for PREVIOUS_SECRET_GRACE_MS. */
export async function rotateEndpointSecret(db: Db, id: string) {
  const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id }, select: { id: true, tenantId: true, secretCiphertext: true } });
  const secret = newEndpointSecret();
  const endpoint = await db.webhookEndpoint.update({
    where: { id },
    data: {
      secretCiphertext: sealEndpointSecret(activeKeyRing(), row, secret),
      previousSecretCiphertext: row.secretCiphertext,
      previousSecretExpiresAt: new Date(Date.now() + PREVIOUS_SECRET_GRACE_MS),
    },
    select: endpointSelect,
  });
  return { endpoint, secret };
}

export function endpointTypes(stored: string): WebhookEventType[] {
  return stored.split(/\s+/).filter(Boolean) as WebhookEventType[];
}
