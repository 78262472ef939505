// POST /api/integrations/hubspot/webhooks — HubSpot's app webhooks (privacy deletions, merges): verified, stored, answered.
import { db, processRuntime } from "@switchboard/lib/runtime/process-runtime";
import { log } from "@switchboard/lib/log";
import { MAX_WEBHOOK_BODY_BYTES, receiveHubspotWebhook } from "@switchboard/lib/integrations/hubspot-webhooks/receive-webhook";

const noStore = { "Cache-Control": "no-store" };

export async function POST(request: Request): Promise<Response> {
  const env = processRuntime().env;
  if (!env.HUBSPOT_CLIENT_SECRET) return new Response(null, { status: 401, headers: noStore });
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_WEBHOOK_BODY_BYTES) return new Response(null, { status: 401, headers: noStore });
  const body = await request.text();
  const url = new URL(request.url);
  try {
    const answer = await receiveHubspotWebhook(db, env.HUBSPOT_CLIENT_SECRET, env.APP_URL, {
      method: request.method,
      pathAndQuery: `${url.pathname}${url.search}`,
      body,
      signature: request.headers.get("x-hubspot-signature-v3"),
      timestamp: request.headers.get("x-hubspot-request-timestamp"),
    });
    return new Response(null, { status: answer.status, headers: noStore });
  } catch (error) {
    // Not stored: HubSpot retries on a 5xx, which is what we want after a database hiccup.
    log.error("could not store a HubSpot webhook batch", { error });
    return new Response(null, { status: 503, headers: noStore });
  }
}
