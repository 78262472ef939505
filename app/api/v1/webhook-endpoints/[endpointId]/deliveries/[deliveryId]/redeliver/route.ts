// POST /api/v1/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/redeliver — send again, same webhook-id.
import { redeliverWebhook } from "@switchboard/lib/api/v1/webhook-delivery-routes";

export const POST = redeliverWebhook.handle;
