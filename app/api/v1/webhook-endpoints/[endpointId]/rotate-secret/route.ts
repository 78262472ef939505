// POST /api/v1/webhook-endpoints/{endpointId}/rotate-secret — a new signing secret, shown once.
import { rotateWebhookSecret } from "@switchboard/lib/api/v1/webhook-endpoint-routes";

export const POST = rotateWebhookSecret.handle;
