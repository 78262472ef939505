// GET /api/v1/webhook-endpoints/{endpointId}/deliveries — the endpoint's delivery log.
import { listWebhookDeliveries } from "@switchboard/lib/api/v1/webhook-delivery-routes";
import { pathHandlers } from "@switchboard/lib/api/route-methods";

export const { GET, POST, PUT, PATCH, DELETE } = pathHandlers(listWebhookDeliveries);
