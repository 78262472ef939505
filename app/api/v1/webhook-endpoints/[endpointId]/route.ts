// GET/PATCH/DELETE /api/v1/webhook-endpoints/{endpointId} — one endpoint (lib/api/v1/webhook-endpoint-routes.ts).
import { deleteWebhookEndpoint, getWebhookEndpoint, updateWebhookEndpoint } from "@switchboard/lib/api/v1/webhook-endpoint-routes";

export const GET = getWebhookEndpoint.handle;
export const PATCH = updateWebhookEndpoint.handle;
export const DELETE = deleteWebhookEndpoint.handle;
