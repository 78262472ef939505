// An endpoint's deliveries over /api/v1: the log, "send test event" and "redeliver" — the same
// operations as the dashboard's, through the same queue (signed, retried, logged).
import { z } from "zod";
import { deliverySelect } from "@/lib/webhooks/list-deliveries";
import { redeliver, sendTestEvent } from "@/lib/webhooks/test-and-redeliver";
import { listPage, pageQuerySchema } from "../cursor";
import { defineRoute } from "../define-route";
import { endpointParams, reachableEndpoint } from "./webhook-endpoint-routes";
import { deliveryListSchema, deliveryView, queuedDeliverySchema } from "./webhook-schemas";

export const listWebhookDeliveries = defineRoute(
  {
    method: "get",
    path: "/api/v1/webhook-endpoints/{endpointId}/deliveries",
    operationId: "listWebhookDeliveries",
    tag: "Webhooks",
    scope: "webhooks:manage",
    summary: "The endpoint's delivery log, newest first",
    params: endpointParams,
    query: z.object(pageQuerySchema),
    response: { status: 200, description: "A page of deliveries", schema: deliveryListSchema },
    problems: [404],
  },
  async ({ params, query }, { caller, db }) => {
    const endpoint = await reachableEndpoint(db, caller, params.endpointId);
    return listPage(
      query,
      { endpointId: endpoint.id },
      (page) => db.webhookDelivery.findMany({ ...page, select: deliverySelect }),
      deliveryView,
    );
  },
);

export const sendTestWebhook = defineRoute(
  {
    method: "post",
    path: "/api/v1/webhook-endpoints/{endpointId}/test",
    operationId: "sendTestWebhook",
    tag: "Webhooks",
    scope: "webhooks:manage",
    summary: "Send a webhook.test event to this endpoint",
    params: endpointParams,
    response: { status: 202, description: "Queued for delivery", schema: queuedDeliverySchema },
    problems: [404],
  },
  async ({ params }, { caller, actor, db }) => sendTestEvent(db, await reachableEndpoint(db, caller, params.endpointId), actor),
);

export const redeliverWebhook = defineRoute(
  {
    method: "post",
    path: "/api/v1/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/redeliver",
    operationId: "redeliverWebhook",
    tag: "Webhooks",
    scope: "webhooks:manage",
    summary: "Send a delivery again (same webhook-id)",
    params: endpointParams.extend({ deliveryId: z.string().min(1).max(100) }),
    response: { status: 202, description: "Queued again", schema: queuedDeliverySchema },
    problems: [404],
  },
  async ({ params }, { caller, actor, db }) =>
    redeliver(db, await reachableEndpoint(db, caller, params.endpointId), params.deliveryId, actor),
);
