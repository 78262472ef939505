// Which receiver URLs are allowed: https in production, no loopback/private/link-local addresses
// (literal or resolved) unless the operator allows them.
import { describe, expect, it } from "vitest";
import { isInternalAddress, refuseEndpointUrl } from "@switchboard/lib/webhooks/endpoint-url";

const strict = { production: true, allowPrivate: false };

describe("webhook endpoint URLs", () => {
  it.each([
    ["http://93.184.216.34/hook", /https/],
    ["https://127.0.0.1/hook", /loopback or private/],
    ["https://10.1.2.3/hook", /loopback or private/],
    ["https://169.254.169.254/latest", /loopback or private/],
    ["https://[::1]/hook", /loopback or private/],
    ["https://[::ffff:127.0.0.1]/hook", /loopback or private/],
    ["https://localhost/hook", /Loopback/],
    ["https://user:pw@93.184.216.34/hook", /credentials/],
    ["ftp://example.com/x", /https/],
    ["not a url", /full URL/],
  ])("refuses %s", async (url, reason) => {
    expect(await refuseEndpointUrl(url, strict)).toMatch(reason);
  });

  it("accepts a public https address, and private ones when the operator allows them", async () => {
    expect(await refuseEndpointUrl("https://93.184.216.34/hook", strict)).toBeNull();
    expect(await refuseEndpointUrl("http://127.0.0.1:4000/hook", { production: true, allowPrivate: true })).toBeNull();
    expect(isInternalAddress("192.168.1.1")).toBe(true);
    expect(isInternalAddress("8.8.8.8")).toBe(false);
  });
});
