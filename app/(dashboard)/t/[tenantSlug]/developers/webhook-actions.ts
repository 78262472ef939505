"use server";
// Webhook endpoints of the Developers page (OWNER/ADMIN), through the one tenant-action wrapper.
// Every action re-checks that the endpoint belongs to the wrapper's tenant; the signing secret comes
// back once, in `reveal`. The lib functions audit each change with the member as the actor.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { AppError } from "@switchboard/lib/app-error";
import { db } from "@switchboard/lib/runtime/process-runtime";
import { subscribableEventTypes } from "@switchboard/lib/webhooks/event-types";
import { memberActor } from "@switchboard/lib/people/people-actor";
import {
  createEndpoint,
  deleteEndpoint,
  endpointFieldsSchema,
  rotateEndpointSecret,
  updateEndpoint,
} from "@switchboard/lib/webhooks/manage-endpoints";
import { redeliver, sendTestEvent } from "@switchboard/lib/webhooks/test-and-redeliver";
import { tenantAction, type TenantActionContext } from "@/web/tenant-action";

const endpointId = z.string().trim().min(1).max(100);
const eventFields = Object.fromEntries(subscribableEventTypes.map((type) => [`event:${type}`, z.literal("on").optional()]));

async function tenantEndpoint(tenantId: string, id: string) {
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id, tenantId }, select: { id: true, tenantId: true, url: true } });
  if (!endpoint) throw AppError.notFound("That webhook endpoint");
  return endpoint;
}

const actorOf = ({ access }: TenantActionContext) => memberActor(access.user, access.role);

const done = (tenant: { slug: string }, message: string, reveal?: string) => {
  revalidatePath(`/t/${tenant.slug}/developers`);
  return { ok: true, message, ...(reveal ? { reveal } : {}) };
};

export const createTenantWebhookEndpoint = tenantAction(
  { minRole: "ADMIN", fields: { url: z.string().max(2000), description: endpointFieldsSchema.shape.description, ...eventFields } },
  async (input, context) => {
    const fields = input as Record<string, unknown>;
    const eventTypes = subscribableEventTypes.filter((type) => fields[`event:${type}`] === "on");
    const { secret } = await createEndpoint(
      db,
      context.runtime.webhooks,
      context.tenant.id,
      { url: input.url.trim(), description: input.description, eventTypes },
      actorOf(context),
    );
    return done(context.tenant, "Endpoint added. Copy its signing secret now: it will not be shown again.", secret);
  },
);

export const sendTenantTestEvent = tenantAction({ minRole: "ADMIN", fields: { endpointId } }, async (input, context) => {
  await sendTestEvent(db, await tenantEndpoint(context.tenant.id, input.endpointId), actorOf(context));
  return done(context.tenant, "Test event queued; it appears in the delivery log in a moment.");
});

export const rotateTenantWebhookSecret = tenantAction({ minRole: "ADMIN", fields: { endpointId } }, async (input, context) => {
  const endpoint = await tenantEndpoint(context.tenant.id, input.endpointId);
  const { secret } = await rotateEndpointSecret(db, context.runtime.webhooks, endpoint.id, actorOf(context));
  return done(context.tenant, "New signing secret (the previous one also signs for 24 hours):", secret);
});

export const setTenantWebhookEnabled = tenantAction(
  { minRole: "ADMIN", fields: { endpointId, enabled: z.enum(["true", "false"]) } },
  async (input, context) => {
    const endpoint = await tenantEndpoint(context.tenant.id, input.endpointId);
    await updateEndpoint(db, context.runtime.webhooks, endpoint.id, { enabled: input.enabled === "true" }, actorOf(context));
    return done(context.tenant, input.enabled === "true" ? "Endpoint enabled." : "Endpoint disabled.");
  },
);

export const deleteTenantWebhookEndpoint = tenantAction({ minRole: "ADMIN", fields: { endpointId } }, async (input, context) => {
  const endpoint = await tenantEndpoint(context.tenant.id, input.endpointId);
  await deleteEndpoint(db, endpoint, actorOf(context));
  return done(context.tenant, "Endpoint deleted.");
});

export const redeliverTenantWebhook = tenantAction(
  { minRole: "ADMIN", fields: { endpointId, deliveryId: z.string().trim().min(1).max(100) } },
  async (input, context) => {
    await redeliver(db, await tenantEndpoint(context.tenant.id, input.endpointId), input.deliveryId, actorOf(context));
    return done(context.tenant, "Queued for redelivery with the same webhook-id.");
  },
);
