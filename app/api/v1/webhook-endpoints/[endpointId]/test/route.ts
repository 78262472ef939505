// POST /api/v1/webhook-endpoints/{endpointId}/test — queue a webhook.test event for this endpoint.
import { sendTestWebhook } from "@switchboard/lib/api/v1/webhook-delivery-routes";
import { pathHandlers } from "@switchboard/lib/api/route-methods";

export const { GET, POST, PUT, PATCH, DELETE } = pathHandlers(sendTestWebhook);
