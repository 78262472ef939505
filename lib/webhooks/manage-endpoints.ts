// Webhook endpoints of a tenant (tenantId) or of the operator (null), for the dashboard and the API
// alike. Secrets leave this module only in the return value of create and rotate (shown once).
// Every change is audited here, with whoever made it (a member, the operator, an API key).
import { z } from "zod";
import { AppError } from "@/lib/app-error";
import { displayTextSchema } from "@/lib/display-text";
import { recordChange, type AuditActor } from "@/lib/audit/record-audit-event";
import type { KeyRing } from "@/lib/crypto/key-ring";
import type { Db } from "@/lib/db/create-client";
import { newEndpointSecret, sealEndpointSecret } from "./endpoint-secret";
import { normaliseEndpointUrl, refuseEndpointUrl, type UrlPolicy } from "./endpoint-url";
import { subscribableEventTypes, type WebhookEventType } from "./event-types";

/** What managing endpoints takes from the runtime (runtime.webhooks): the key ring secrets are sealed
 * with, and which receiver URLs the configuration allows. */
export type EndpointServices = { keyRing: KeyRing; urlPolicy: UrlPolicy };

/** After a rotation the previous secret keeps signing this long, so receivers can switch over. */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 60 * 60 * 1000;

export const endpointFieldsSchema = z.object({
  url: z.string().trim().min(1, "Enter the URL.").max(2000, "At most 2000 characters."),
  description: displayTextSchema({ label: "Description", max: 200 }).optional(),
  eventTypes: z
    .array(z.enum(subscribableEventTypes as [WebhookEventType, ...WebhookEventType[]]))
    .max(20)
    .optional()
    .describe("Event types to send; empty or absent = every event"),
});

export type EndpointFields = z.infer<typeof endpointFieldsSchema>;

export const endpointSelect = {
  id: true,
  tenantId: true,
  url: true,
  description: true,
  eventTypes: true,
  enabled: true,
  disabledReason: true,
  failingSince: true,
  previousSecretExpiresAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

async function checkedUrl(url: string, policy: UrlPolicy): Promise<string> {
  const refusal = await refuseEndpointUrl(url, policy);
  if (refusal) throw new AppError("invalid_input", refusal, { fieldErrors: { url: [refusal] } });
  // Stored as the WHATWG serialisation, so one receiver has one spelling (and the check saw that one).
  return normaliseEndpointUrl(url);
}

const audit = (db: Db, actor: AuditActor, endpoint: { id: string; tenantId: string | null }, detail: string) =>
  recordChange(db, actor, { tenantId: endpoint.tenantId, action: "webhook_endpoint", subject: `webhook:${endpoint.id}`, detail });

export async function createEndpoint(
  db: Db,
  services: EndpointServices,
  tenantId: string | null,
  fields: EndpointFields,
  actor: AuditActor,
) {
  const url = await checkedUrl(fields.url, services.urlPolicy);
  const secret = newEndpointSecret();
  const id = `we_${crypto.randomUUID().replace(/-/g, "")}`;
  const endpoint = await db.webhookEndpoint.create({
    data: {
      id,
      tenantId,
      url,
      description: fields.description ?? "",
      eventTypes: (fields.eventTypes ?? []).join(" "),
      secretCiphertext: sealEndpointSecret(services.keyRing, { id, tenantId }, secret),
    },
    select: endpointSelect,
  });
  await audit(db, actor, endpoint, `Webhook endpoint ${endpoint.url} added`);
  return { endpoint, secret };
}

export async function updateEndpoint(
  db: Db,
  services: EndpointServices,
  id: string,
  changes: Partial<EndpointFields> & { enabled?: boolean },
  actor: AuditActor,
) {
  const url = changes.url === undefined ? undefined : await checkedUrl(changes.url, services.urlPolicy);
  const endpoint = await db.webhookEndpoint.update({
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
  const what = Object.keys(changes).filter((key) => key !== "enabled" && changes[key as keyof typeof changes] !== undefined);
  const toggled = changes.enabled === undefined ? [] : [changes.enabled ? "enabled" : "disabled"];
  await audit(
    db,
    actor,
    endpoint,
    `Webhook endpoint ${endpoint.url} ${[...toggled, ...(what.length ? [`changed (${what.join(", ")})`] : [])].join(" and ") || "saved unchanged"}`,
  );
  return endpoint;
}

/** Deletes an endpoint with its delivery log. */
export async function deleteEndpoint(
  db: Db,
  endpoint: { id: string; tenantId: string | null; url: string },
  actor: AuditActor,
): Promise<void> {
  await db.webhookEndpoint.deleteMany({ where: { id: endpoint.id, tenantId: endpoint.tenantId } });
  await audit(db, actor, endpoint, `Webhook endpoint ${endpoint.url} deleted`);
}

/** A new signing secret; the previous one keeps signing for PREVIOUS_SECRET_GRACE_MS. */
export async function rotateEndpointSecret(db: Db, services: EndpointServices, id: string, actor: AuditActor) {
  const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id }, select: { id: true, tenantId: true, secretCiphertext: true } });
  const secret = newEndpointSecret();
  const endpoint = await db.webhookEndpoint.update({
    where: { id },
    data: {
      secretCiphertext: sealEndpointSecret(services.keyRing, row, secret),
      previousSecretCiphertext: row.secretCiphertext,
      previousSecretExpiresAt: new Date(Date.now() + PREVIOUS_SECRET_GRACE_MS),
    },
    select: endpointSelect,
  });
  await audit(db, actor, endpoint, `Signing secret of ${endpoint.url} rotated`);
  return { endpoint, secret };
}

export function endpointTypes(stored: string): WebhookEventType[] {
  return stored.split(/\s+/).filter(Boolean) as WebhookEventType[];
}
