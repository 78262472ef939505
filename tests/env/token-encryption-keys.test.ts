import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseTokenEncryptionKeys } from "@switchboard/lib/env/secret-formats";

const key = () => randomBytes(32).toString("base64");

describe("TOKEN_ENCRYPTION_KEYS", () => {
  it("keeps the order, so the first key is the one that encrypts", () => {
    const parsed = parseTokenEncryptionKeys(`k2:${key()}, k1:${key()}`);
    expect(parsed.map((entry) => entry.id)).toEqual(["k2", "k1"]);
    expect(parsed.map((entry) => entry.key.length)).toEqual([32, 32]);
  });

  it.each([
    ["", /at least one/],
    [`:${key()}`, /keyId:base64/],
    ["k1:not*base64", /not valid base64/],
    [`k1:${randomBytes(16).toString("base64")}`, /32 bytes, got 16/],
    [`k1:${key()},k1:${key()}`, /more than once/],
  ])("rejects %j", (raw, problem) => {
    expect(() => parseTokenEncryptionKeys(raw)).toThrow(problem);
  });
});
