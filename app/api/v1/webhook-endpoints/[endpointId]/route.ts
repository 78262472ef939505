// GET/PATCH/DELETE /api/v1/webhook-endpoints/{endpointId} — one endpoint (lib/api/v1/webhook-endpoint-routes.ts).
import { deleteWebhookEndpoint, getWebhookEndpoint, updateWebhookEndpoint } from "@switchboard/lib/api/v1/webhook-endpoint-routes";
import { pathHandlers } from "@switchboard/lib/api/route-methods";

export const { GET, POST, PUT, PATCH, DELETE } = pathHandlers(getWebhookEndpoint, updateWebhookEndpoint, deleteWebhookEndpoint);
