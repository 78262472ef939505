// The key ring behind TOKEN_ENCRYPTION_KEYS ("kid:base64key,kid2:base64key2"). The first key
// encrypts; every key decrypts, so keys can be rotated without downtime. Parsing reuses the exact
// rules the startup config check enforces, so a ring the server accepted always loads here.
import { parseTokenEncryptionKeys, type TokenEncryptionKey } from "@/lib/env/secret-formats";

export type EncryptionKey = TokenEncryptionKey;

export type KeyRing = {
  active: EncryptionKey;
  byId: ReadonlyMap<string, EncryptionKey>;
};

export class KeyRingConfigError extends Error {
  override name = "KeyRingConfigError";
}

export function parseKeyRing(raw: string | undefined): KeyRing {
  if (!raw?.trim()) {
    throw new KeyRingConfigError("TOKEN_ENCRYPTION_KEYS is missing: set at least one keyId:base64(32 bytes) entry");
  }
  let keys: EncryptionKey[];
  try {
    keys = parseTokenEncryptionKeys(raw);
  } catch (error) {
    // The parser's messages name entries and key ids, never key material.
    throw new KeyRingConfigError(`TOKEN_ENCRYPTION_KEYS ${(error as Error).message}`);
  }
  const active = keys[0];
  if (!active) throw new KeyRingConfigError("TOKEN_ENCRYPTION_KEYS has no usable key");
  return { active, byId: new Map(keys.map((key) => [key.id, key])) };
}

/** Renders keys back into the variable's format (tests and the rotation command use it). */
export function formatKeyRing(keys: EncryptionKey[]): string {
  return keys.map((k) => `${k.id}:${k.key.toString("base64")}`).join(",");
}
