// The shape of a key: `sb_live_<lookup id>_<secret>`. The part before the secret (the prefix) is
// stored in clear to find the row and to show in lists; only the SHA-256 of the whole key is kept.
// A fast hash is right here: the secret has 240 bits of entropy, so nothing is gained by stretching.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const KEY_PATTERN = /^(sb_live_[A-Za-z0-9]{12})_([A-Za-z0-9_-]{40})$/;

export type MintedKey = { key: string; prefix: string; secretHash: string };

export function mintApiKey(): MintedKey {
  const lookup = randomBytes(12).toString("base64url").replace(/[-_]/g, "").slice(0, 12).padEnd(12, "0");
  const prefix = `sb_live_${lookup}`;
  const key = `${prefix}_${randomBytes(30).toString("base64url")}`;
  return { key, prefix, secretHash: hashApiKey(key) };
}

/** The prefix of a well-formed key, or null: malformed keys never reach the database. */
export function prefixOf(key: string): string | null {
  return KEY_PATTERN.exec(key)?.[1] ?? null;
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export function keyMatchesHash(key: string, secretHash: string): boolean {
  const actual = Buffer.from(hashApiKey(key), "hex");
  const expected = Buffer.from(secretHash, "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
