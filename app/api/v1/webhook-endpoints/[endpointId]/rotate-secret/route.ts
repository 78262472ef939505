// POST /api/v1/webhook-endpoints/{endpointId}/rotate-secret — a new signing secret, shown once.
import { rotateWebhookSecret } from "@switchboard/lib/api/v1/webhook-endpoint-routes";
import { pathHandlers } from "@switchboard/lib/api/route-methods";

export const { GET, POST, PUT, PATCH, DELETE } = pathHandlers(rotateWebhookSecret);
