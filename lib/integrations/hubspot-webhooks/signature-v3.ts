// HubSpot's request signature v3 (HUBSPOT-2026-03.md §5): base64(HMAC-SHA256(client secret,
// method + uri + body + timestamp)), where uri is the full public URL HubSpot called with only a
// fixed set of percent-escapes decoded. Requests older than five minutes are refused, so a
// captured request cannot be replayed later; the comparison runs in constant time.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_WINDOW_MS = 5 * 60_000;

// The escapes HubSpot decodes before signing; every other one stays as sent.
const DECODED: Record<string, string> = {
  "%3A": ":",
  "%2F": "/",
  "%3F": "?",
  "%40": "@",
  "%21": "!",
  "%24": "$",
  "%27": "'",
  "%28": "(",
  "%29": ")",
  "%2A": "*",
  "%2C": ",",
  "%3B": ";",
};

export function signatureUri(publicUrl: string): string {
  return publicUrl.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (escape) => DECODED[escape.toUpperCase()]!);
}

export function signV3(secret: string, method: string, publicUrl: string, body: string, timestamp: string): string {
  return createHmac("sha256", secret)
    .update(`${method}${signatureUri(publicUrl)}${body}${timestamp}`, "utf8")
    .digest("base64");
}

export type SignatureCheck = { method: string; publicUrl: string; body: string; timestamp: string | null; signature: string | null };

export function verifySignatureV3(secret: string, check: SignatureCheck, now = Date.now()): boolean {
  if (!check.signature || !check.timestamp || !/^\d{1,16}$/.test(check.timestamp)) return false;
  const age = now - Number(check.timestamp);
  // A timestamp from the future is as suspect as an old one (beyond clock skew).
  if (!(Math.abs(age) <= SIGNATURE_WINDOW_MS)) return false;
  const expected = Buffer.from(signV3(secret, check.method, check.publicUrl, check.body, check.timestamp), "utf8");
  const given = Buffer.from(check.signature, "utf8");
  return expected.length === given.length && timingSafeEqual(expected, given);
}
