"use server";
// Webhook endpoints of the Developers page (OWNER/ADMIN), through the one tenant-action wrapper.
// Every action re-checks that the endpoint belongs to the wrapper's tenant; the signing secret comes
// back once, in `reveal`.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { AppError } from "@switchboard/lib/app-error";
import { recordAuditEvent } from "@switchboard/lib/audit/record-audit-event";
import { db } from "@switchboard/lib/db";
import { subscribableEventTypes } from "@switchboard/lib/webhooks/event-types";
import { createEndpoint, endpointFieldsSchema, rotateEndpointSecret, updateEndpoint } from "@switchboard/lib/webhooks/manage-endpoints";
import { redeliver, sendTestEvent } from "@switchboard/lib/webhooks/test-and-redeliver";
import { tenantAction, type TenantActionContext } from "@/web/tenant-action";

const endpointId = z.string().trim().min(1).max(100);
const eventFields = Object.fromEntries(subscribableEventTypes.map((type) => [`event:${type}`, z.literal("on").optional()]));

async function tenantEndpoint(tenantId: string, id: string) {
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id, tenantId }, select: { id: true, tenantId: true, url: true } });
  if (!endpoint) throw AppError.notFound("That webhook endpoint");
  return endpoint;
}

async function audit({ tenant, actor }: TenantActionContext, detail: string) {
  await recordAuditEvent(db, { tenantId: tenant.id, actorUserId: actor.id, actorLabel: actor.label, action: "webhook_endpoint", outcome: "success", detail });
}

const done = (tenant: { slug: string }, message: string, reveal?: string) => {
  revalidatePath(`/t/${tenant.slug}/developers`);
  return { ok: true, message, ...(reveal ? { reveal } : {}) };
};

export const createTenantWebhookEndpoint = tenantAction(
  { minRole: "ADMIN", fields: { url: z.string().max(2000), description: endpointFieldsSchema.shape.description, ...eventFields } },
  async (input, context) => {
    const fields = input as Record<string, unknown>;
    const eventTypes = subscribableEventTypes.filter((type) => fields[`event:${type}`] === "on");
    const { endpoint, secret } = await createEndpoint(db, context.tenant.id, { url: input.url.trim(), description: input.description, eventTypes });
    await audit(context, `Webhook endpoint ${endpoint.url} added`);
    return done(context.tenant, "Endpoint added. Copy its signing secret now: it will not be shown again.", secret);
  },
);

export const sendTenantTestEvent = tenantAction({ minRole: "ADMIN", fields: { endpointId } }, async (input, { tenant }) => {
  await sendTestEvent(db, await tenantEndpoint(tenant.id, input.endpointId));
  return done(tenant, "Test event queued; it appears in the delivery log in a moment.");
});

export const rotateTenantWebhookSecret = tenantAction({ minRole: "ADMIN", fields: { endpointId } }, async (input, context) => {
  const endpoint = await tenantEndpoint(context.tenant.id, input.endpointId);
  const { secret } = await rotateEndpointSecret(db, endpoint.id);
  await audit(context, `Signing secret of ${endpoint.url} rotated`);
  return done(context.tenant, "New signing secret (the previous one also signs for 24 hours):", secret);
});

export const setTenantWebhookEnabled = tenantAction(
  { minRole: "ADMIN", fields: { endpointId, enabled: z.enum(["true", "false"]) } },
  async (input, context) => {
    const endpoint = await tenantEndpoint(context.tenant.id, input.endpointId);
    await updateEndpoint(db, endpoint.id, { enabled: input.enabled === "true" });
    await audit(context, `Webhook endpoint ${endpoint.url} ${input.enabled === "true" ? "enabled" : "disabled"}`);
    return done(context.tenant, input.enabled === "true" ? "Endpoint enabled." : "Endpoint disabled.");
  },
);

export const deleteTenantWebhookEndpoint = tenantAction({ minRole: "ADMIN", fields: { endpointId } }, async (input, context) => {
  const endpoint = await tenantEndpoint(context.tenant.id, input.endpointId);
  await db.webhookEndpoint.deleteMany({ where: { id: endpoint.id, tenantId: context.tenant.id } });
  await audit(context, `Webhook endpoint ${endpoint.url} deleted`);
  return done(context.tenant, "Endpoint deleted.");
});

export const redeliverTenantWebhook = tenantAction(
  { minRole: "ADMIN", fields: { endpointId, deliveryId: z.string().trim().min(1).max(100) } },
  async (input, { tenant }) => {
    const endpoint = await tenantEndpoint(tenant.id, input.endpointId);
    const delivery = await db.webhookDelivery.findFirst({ where: { id: input.deliveryId, endpointId: endpoint.id }, select: { id: true } });
    if (!delivery) throw AppError.notFound("That delivery");
    await redeliver(db, delivery.id);
    return done(tenant, "Queued for redelivery with the same webhook-id.");
  },
);
