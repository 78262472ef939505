// Signature v3 as HubSpot documents it: HMAC-SHA256 over method + URI + body + timestamp with the
// client secret, base64; in the URI only a fixed set of escapes is decoded; five minutes at most.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signatureUri, SIGNATURE_WINDOW_MS, verifySignatureV3 } from "@switchboard/lib/integrations/hubspot-webhooks/signature-v3";

const SECRET = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy";
const hubspotSigns = (source: string) => createHmac("sha256", SECRET).update(source, "utf8").digest("base64");

describe("HubSpot signature v3", () => {
  it("decodes exactly the documented escapes, and keeps every other one", () => {
    expect(signatureUri("https://a.example/hook?mail=x%40y.com&t=%3A%2F%3F%21%24%27%28%29%2A%2C%3B")).toBe(
      "https://a.example/hook?mail=x@y.com&t=:/?!$'()*,;",
    );
    expect(signatureUri("https://a.example/hook?q=a%20b%26c%3d")).toBe("https://a.example/hook?q=a%20b%26c%3d");
  });

  it("accepts what HubSpot signed over the decoded URI, and nothing else", () => {
    const timestamp = "1700000000000";
    const body = '[{"eventId":1}]';
    const signature = hubspotSigns(`POSThttps://a.example/hook?mail=x@y.com${body}${timestamp}`);
    const now = Number(timestamp) + 1_000;
    const check = { method: "POST", publicUrl: "https://a.example/hook?mail=x%40y.com", body, timestamp, signature };
    expect(verifySignatureV3(SECRET, check, now)).toBe(true);
    expect(verifySignatureV3(SECRET, { ...check, body: '[{"eventId":2}]' }, now)).toBe(false);
    expect(verifySignatureV3(SECRET, { ...check, method: "PUT" }, now)).toBe(false);
    expect(verifySignatureV3("another-secret", check, now)).toBe(false);
    expect(verifySignatureV3(SECRET, { ...check, signature: `${signature.slice(0, -2)}==` }, now)).toBe(false);
    expect(verifySignatureV3(SECRET, check, Number(timestamp) + SIGNATURE_WINDOW_MS + 1)).toBe(false);
    expect(verifySignatureV3(SECRET, { ...check, timestamp: "not-a-number" }, now)).toBe(false);
  });
});
