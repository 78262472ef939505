// POST /api/v1/webhook-endpoints/{endpointId}/test — queue a webhook.test event for this endpoint.
import { sendTestWebhook } from "@switchboard/lib/api/v1/webhook-delivery-routes";

export const POST = sendTestWebhook.handle;
