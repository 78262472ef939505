// GET/POST /api/v1/webhook-endpoints — list and add webhook endpoints (lib/api/v1/webhook-endpoint-routes.ts).
import { createWebhookEndpoint, listWebhookEndpoints } from "@switchboard/lib/api/v1/webhook-endpoint-routes";
import { pathHandlers } from "@switchboard/lib/api/route-methods";

export const { GET, POST, PUT, PATCH, DELETE } = pathHandlers(listWebhookEndpoints, createWebhookEndpoint);
