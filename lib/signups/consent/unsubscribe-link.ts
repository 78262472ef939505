// The unsubscribe link of a signup: `{signupId}.{HMAC-SHA256(key, "unsubscribe:" + signupId)}`.
// An HMAC instead of a stored random token: every signup has a link from the moment it exists —
// including the millions that existed before this link — with no column, no write on the intake
// path and nothing in the database that would open anything if copied. Unguessable without the key;
// verified in constant time. The key is UNSUBSCRIBE_LINK_SECRET, or else derived from AUTH_SECRET
// (HKDF with its own label), so links stay valid exactly as long as that secret does.
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

const SIGNUP_ID = /^[a-z0-9]{8,40}$/;
const MAC = /^[A-Za-z0-9_-]{43}$/;

/** The 32-byte HMAC key from the configured secret (a dedicated one, or AUTH_SECRET). */
export function unsubscribeLinkKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "switchboard", "unsubscribe-link/v1", 32));
}

function macOf(key: Buffer, signupId: string): string {
  return createHmac("sha256", key).update(`unsubscribe:${signupId}`).digest("base64url");
}

export function unsubscribeToken(key: Buffer, signupId: string): string {
  return `${signupId}.${macOf(key, signupId)}`;
}

export function unsubscribeUrl(appUrl: string, key: Buffer, signupId: string): string {
  return `${appUrl}/unsubscribe/${unsubscribeToken(key, signupId)}`;
}

/** The signup id a token names, or null for anything forged, truncated or malformed. */
export function verifyUnsubscribeToken(key: Buffer, token: string): string | null {
  const [signupId, mac, ...rest] = token.split(".");
  if (rest.length > 0 || !signupId || !mac || !SIGNUP_ID.test(signupId) || !MAC.test(mac)) return null;
  const expected = Buffer.from(macOf(key, signupId));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected) ? signupId : null;
}
