// Formats of the two secrets Switchboard cannot run without. Kept apart from the config schema so
// the token-encryption code can parse keys with exactly the rules the startup check enforces.
import { randomBytes } from "node:crypto";

/** next-auth signs and encrypts session cookies with this; shorter values are guessable. */
export const AUTH_SECRET_MIN_LENGTH = 32;

const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const KEY_BYTES = 32;

export type TokenEncryptionKey = { id: string; key: Buffer };

/**
 * Parses TOKEN_ENCRYPTION_KEYS: comma-separated `keyId:base64(32 bytes)` entries; the first one
 * encrypts, the others only decrypt (so keys can be rotated without downtime).
 * Throws an Error whose message explains the problem without echoing key material.
 */
export function parseTokenEncryptionKeys(raw: string): TokenEncryptionKey[] {
  const entries = raw
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  if (entries.length === 0) throw new Error("expected at least one keyId:base64 entry");

  const seen = new Set<string>();
  return entries.map((entry, index) => {
    const separator = entry.indexOf(":");
    const id = separator > 0 ? entry.slice(0, separator) : "";
    const encoded = separator > 0 ? entry.slice(separator + 1) : "";
    if (!KEY_ID_PATTERN.test(id)) {
      throw new Error(`entry ${index + 1} must look like keyId:base64 (keyId of letters, digits, _ or -)`);
    }
    if (seen.has(id)) throw new Error(`key id "${id}" appears more than once`);
    seen.add(id);
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) throw new Error(`key "${id}" is not valid base64`);
    const key = Buffer.from(encoded, "base64");
    if (key.length !== KEY_BYTES) {
      throw new Error(`key "${id}" must decode to ${KEY_BYTES} bytes, got ${key.length}`);
    }
    return { id, key };
  });
}

export function generateAuthSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function generateTokenEncryptionKeys(keyId = "k1"): string {
  return `${keyId}:${randomBytes(KEY_BYTES).toString("base64")}`;
}
