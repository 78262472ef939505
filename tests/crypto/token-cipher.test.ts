import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { formatKeyRing, parseKeyRing, KeyRingConfigError } from "@switchboard/lib/crypto/key-ring";
import { ciphertextKeyId, decryptToken, encryptToken, TokenDecryptionError } from "@switchboard/lib/crypto/token-cipher";

const key = (id: string) => ({ id, key: randomBytes(32) });
const binding = { tenantId: "tenant-a", connectionId: "conn-1", field: "refreshToken" } as const;

describe("token cipher (AES-256-GCM)", () => {
  const ring = parseKeyRing(formatKeyRing([key("k1")]));

  it("round-trips a token and names the key in the ciphertext", () => {
    const sealed = encryptToken(ring, "refresh-secret-value", binding);
    expect(sealed).toMatch(/^v1\.k1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain("refresh-secret-value");
    expect(decryptToken(ring, sealed, binding)).toBe("refresh-secret-value");
  });

  it("uses a fresh 96-bit IV every time", () => {
    const first = encryptToken(ring, "same", binding);
    const second = encryptToken(ring, "same", binding);
    expect(first).not.toBe(second);
    expect(Buffer.from(first.split(".")[2] ?? "", "base64url")).toHaveLength(12);
  });

  it("rejects a tampered ciphertext, tag or IV", () => {
    const sealed = encryptToken(ring, "value", binding);
    const parts = sealed.split(".");
    for (const index of [2, 3, 4]) {
      const bytes = Buffer.from(parts[index] ?? "", "base64url");
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      const tampered = [...parts];
      tampered[index] = bytes.toString("base64url");
      expect(() => decryptToken(ring, tampered.join("."), binding)).toThrow(TokenDecryptionError);
    }
  });

  it("refuses a ciphertext copied to another connection, tenant or field (row swap)", () => {
    const sealed = encryptToken(ring, "value", binding);
    expect(() => decryptToken(ring, sealed, { ...binding, connectionId: "conn-2" })).toThrow(TokenDecryptionError);
    expect(() => decryptToken(ring, sealed, { ...binding, tenantId: "tenant-b" })).toThrow(TokenDecryptionError);
    expect(() => decryptToken(ring, sealed, { ...binding, field: "accessToken" })).toThrow(TokenDecryptionError);
  });

  it("has no plaintext fallback: a non-ciphertext value never decrypts", () => {
    expect(() => decryptToken(ring, "plain-token", binding)).toThrow(TokenDecryptionError);
    expect(() => decryptToken(ring, "", binding)).toThrow(TokenDecryptionError);
  });

  it("rejects a key id swapped in the envelope even when that key exists", () => {
    const both = parseKeyRing(formatKeyRing([key("k1"), key("k2")]));
    const sealed = encryptToken(both, "value", binding).replace(".k1.", ".k2.");
    expect(() => decryptToken(both, sealed, binding)).toThrow(TokenDecryptionError);
  });
});

describe("key ring rotation", () => {
  it("encrypts with the first key and still decrypts values sealed with older keys", () => {
    const oldKey = key("old");
    const newKey = key("new");
    const before = parseKeyRing(formatKeyRing([oldKey]));
    const sealedWithOld = encryptToken(before, "value", binding);
    const rotated = parseKeyRing(formatKeyRing([newKey, oldKey]));
    expect(decryptToken(rotated, sealedWithOld, binding)).toBe("value");
    const resealed = encryptToken(rotated, "value", binding);
    expect(ciphertextKeyId(resealed)).toBe("new");
    const withoutOld = parseKeyRing(formatKeyRing([newKey]));
    expect(decryptToken(withoutOld, resealed, binding)).toBe("value");
    expect(() => decryptToken(withoutOld, sealedWithOld, binding)).toThrow(/unknown key "old"/);
  });

  it("refuses missing, short or duplicate keys with a message that never echoes key material", () => {
    expect(() => parseKeyRing(undefined)).toThrow(KeyRingConfigError);
    expect(() => parseKeyRing("")).toThrow(/missing/);
    const short = Buffer.alloc(16, 7).toString("base64");
    expect(() => parseKeyRing(`k1:${short}`)).toThrow(/32 bytes/);
    try {
      parseKeyRing(`k1:${short}`);
    } catch (error) {
      expect((error as Error).message).not.toContain(short);
    }
    const full = randomBytes(32).toString("base64");
    expect(() => parseKeyRing(`k1:${full},k1:${full}`)).toThrow(/more than once/);
    expect(() => parseKeyRing(full)).toThrow(/keyId:base64/);
  });
});
