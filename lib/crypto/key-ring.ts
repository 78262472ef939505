// Parses TOKEN_ENCRYPTION_KEYS ("kid:base64key,kid2:base64key2") into a key ring.
// The first key encrypts; every key decrypts, so keys can be rotated without downtime.

export type EncryptionKey = { id: string; key: Buffer };

export type KeyRing = {
  active: EncryptionKey;
  byId: ReadonlyMap<string, EncryptionKey>;
};

export class KeyRingConfigError extends Error {
  override name = "KeyRingConfigError";
}

const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

export function parseKeyRing(raw: string | undefined): KeyRing {
  const entries = (raw ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) {
    throw new KeyRingConfigError("TOKEN_ENCRYPTION_KEYS is missing: set at least one keyId:base64(32 bytes) entry");
  }
  const keys = entries.map(parseEntry);
  const byId = new Map<string, EncryptionKey>();
  for (const key of keys) {
    if (byId.has(key.id)) throw new KeyRingConfigError(`TOKEN_ENCRYPTION_KEYS names key id "${key.id}" twice`);
    byId.set(key.id, key);
  }
  const active = keys[0];
  if (!active) throw new KeyRingConfigError("TOKEN_ENCRYPTION_KEYS has no usable key");
  return { active, byId };
}

function parseEntry(entry: string, index: number): EncryptionKey {
  const separator = entry.indexOf(":");
  const id = separator > 0 ? entry.slice(0, separator) : "";
  // Never echo the key material itself in an error message: name the entry by position.
  if (!KEY_ID_PATTERN.test(id)) {
    throw new KeyRingConfigError(
      `TOKEN_ENCRYPTION_KEYS entry ${index + 1} needs the form keyId:base64key (key id: letters, digits, _ or -)`,
    );
  }
  const key = Buffer.from(entry.slice(separator + 1), "base64");
  if (key.length !== 32) {
    throw new KeyRingConfigError(`TOKEN_ENCRYPTION_KEYS key "${id}" must be 32 bytes of base64 (got ${key.length})`);
  }
  return { id, key };
}

/** Renders a ring back into the variable's format (used by tests and the rotation command). */
export function formatKeyRing(keys: EncryptionKey[]): string {
  return keys.map((k) => `${k.id}:${k.key.toString("base64")}`).join(",");
}
