// POST /api/v1/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/redeliver — send again, same webhook-id.
import { redeliverWebhook } from "@switchboard/lib/api/v1/webhook-delivery-routes";
import { pathHandlers } from "@switchboard/lib/api/route-methods";

export const { GET, POST, PUT, PATCH, DELETE } = pathHandlers(redeliverWebhook);
