// Receiving HubSpot's app webhooks: verify signature v3 against the public URL HubSpot called
// (APP_URL + the request's path and query, never the Host header a proxy may rewrite), check the
// body is HubSpot's event array, then store it as one row — durable before HubSpot gets its 2xx —
// for the sync worker to process (process-batches.ts). Anything unverified gets 401 and nothing
// is stored; HubSpot retries a 4xx, so a batch refused by mistake comes back.
import type { Db } from "@/lib/db/create-client";
import { hubspotEventBatchSchema } from "./event-schema";
import { verifySignatureV3 } from "./signature-v3";

// HubSpot sends fewer than 100 events; a body far beyond that is not HubSpot's.
export const MAX_WEBHOOK_BODY_BYTES = 512 * 1024;

export type WebhookRequest = {
  method: string;
  /** The path and query as received, e.g. /api/integrations/hubspot/webhooks?x=1. */
  pathAndQuery: string;
  body: string;
  signature: string | null;
  timestamp: string | null;
};

export type WebhookAnswer = { status: 200 | 401; stored: number };

export function publicUrl(appUrl: string, pathAndQuery: string): string {
  return `${appUrl.replace(/\/+$/, "")}${pathAndQuery}`;
}

export async function receiveHubspotWebhook(
  db: Db,
  clientSecret: string,
  appUrl: string,
  request: WebhookRequest,
  now = Date.now(),
): Promise<WebhookAnswer> {
  if (Buffer.byteLength(request.body, "utf8") > MAX_WEBHOOK_BODY_BYTES) return { status: 401, stored: 0 };
  const verified = verifySignatureV3(
    clientSecret,
    {
      method: request.method.toUpperCase(),
      publicUrl: publicUrl(appUrl, request.pathAndQuery),
      body: request.body,
      timestamp: request.timestamp,
      signature: request.signature,
    },
    now,
  );
  if (!verified) return { status: 401, stored: 0 };
  let json: unknown;
  try {
    json = JSON.parse(request.body);
  } catch {
    return { status: 401, stored: 0 };
  }
  // Signed but not HubSpot's event array: refused the same way, nothing kept.
  if (!hubspotEventBatchSchema.safeParse(json).success) return { status: 401, stored: 0 };
  await db.hubspotWebhookBatch.create({ data: { body: request.body } });
  return { status: 200, stored: 1 };
}
