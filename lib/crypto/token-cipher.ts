// AES-256-GCM for OAuth tokens at rest. Every ciphertext names its key and is bound (as
// associated data) to its tenant, connection and field, so a value copied into another row or
// column fails to decrypt instead of silently granting access to someone else's portal.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { KeyRing } from "./key-ring";

export type TokenField = "accessToken" | "refreshToken" | "webhookSecret";

export type CiphertextBinding = {
  tenantId: string;
  connectionId: string;
  field: TokenField;
};

const FORMAT_VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class TokenDecryptionError extends Error {
  override name = "TokenDecryptionError";
}

export function encryptToken(ring: KeyRing, plaintext: string, binding: CiphertextBinding): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", ring.active.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(ring.active.id, binding));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [FORMAT_VERSION, ring.active.id, b64(iv), b64(cipher.getAuthTag()), b64(ciphertext)].join(".");
}

export function decryptToken(ring: KeyRing, sealed: string, binding: CiphertextBinding): string {
  const parts = sealed.split(".");
  if (parts.length !== 5 || parts[0] !== FORMAT_VERSION) {
    throw new TokenDecryptionError("stored token is not in the v1 ciphertext format");
  }
  const [, keyId = "", ivText = "", tagText = "", bodyText = ""] = parts;
  const key = ring.byId.get(keyId);
  if (!key) throw new TokenDecryptionError(`stored token was encrypted with unknown key "${keyId}"`);
  const iv = Buffer.from(ivText, "base64url");
  const tag = Buffer.from(tagText, "base64url");
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new TokenDecryptionError("stored token has a malformed IV or tag");
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(keyId, binding));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(bodyText, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    // GCM gives one answer for tampering, a wrong key and a wrong binding; so do we.
    throw new TokenDecryptionError("stored token failed authentication (tampered, or bound to another row)");
  }
}

/** The key id a ciphertext was sealed with, so rotation can skip values already on the active key. */
export function ciphertextKeyId(sealed: string): string | undefined {
  const parts = sealed.split(".");
  return parts.length === 5 && parts[0] === FORMAT_VERSION ? parts[1] : undefined;
}

function associatedData(keyId: string, binding: CiphertextBinding): Buffer {
  // JSON keeps the fields unambiguous (no delimiter games between tenant and connection ids).
  return Buffer.from(JSON.stringify([FORMAT_VERSION, keyId, binding.tenantId, binding.connectionId, binding.field]), "utf8");
}

function b64(bytes: Buffer): string {
  return bytes.toString("base64url");
}
