// GET/POST /api/v1/webhook-endpoints — list and add webhook endpoints (lib/api/v1/webhook-endpoint-routes.ts).
import { createWebhookEndpoint, listWebhookEndpoints } from "@switchboard/lib/api/v1/webhook-endpoint-routes";

export const GET = listWebhookEndpoints.handle;
export const POST = createWebhookEndpoint.handle;
