import { createHmac } from "node:crypto";

// HubSpot's request signature v3 (HUBSPOT-2026-03.md §5): base64(HMAC-SHA256(client secret,
// method + full URI + body + timestamp)), sent as X-HubSpot-Signature-v3 with the millisecond
// timestamp in X-HubSpot-Request-Timestamp. HubSpot signs with the app's client secret.

export function signatureV3(clientSecret: string, method: string, uri: string, body: string, timestamp: number): string {
  return createHmac("sha256", clientSecret).update(`${method}${uri}${body}${timestamp}`, "utf8").digest("base64");
}

export function signedHeaders(clientSecret: string, uri: string, body: string, timestamp = Date.now()): Record<string, string> {
  return {
    "Content-Type": "application/json",
    "User-Agent": "HubSpot Connect 2.0 (http://dev.hubspot.com/) (namespace: webhooks-nio) (hubspot-simulator)",
    "X-HubSpot-Signature-v3": signatureV3(clientSecret, "POST", uri, body, timestamp),
    "X-HubSpot-Request-Timestamp": String(timestamp),
  };
}
