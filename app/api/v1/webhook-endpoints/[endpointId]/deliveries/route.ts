// GET /api/v1/webhook-endpoints/{endpointId}/deliveries — the endpoint's delivery log.
import { listWebhookDeliveries } from "@switchboard/lib/api/v1/webhook-delivery-routes";

export const GET = listWebhookDeliveries.handle;
