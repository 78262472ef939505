// The secret in the local mailbox's link (/dev/mailbox?token=…), as notebook servers do: the page
// shows reset and invitation links, so knowing the address of a development or demo server must not
// be enough to read it. Derived from AUTH_SECRET (configured, or generated per data dir in
// .data/secrets.json), so the demo script and the server agree without storing anything more, and a
// new data dir means a new token. Useless without the secret: it is an HMAC of a fixed label.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

const LABEL = "switchboard/dev-mailbox/v1";

export function mailboxToken(authSecret: string): string {
  return createHmac("sha256", authSecret).update(LABEL).digest("base64url");
}

/** The page's address with its token, for the demo's welcome text and `npm run dev`'s first line. */
export function mailboxLink(appUrl: string, authSecret: string): string {
  return `${appUrl.replace(/\/+$/, "")}/dev/mailbox?token=${mailboxToken(authSecret)}`;
}

/** Constant-time: hashing both sides first makes the comparison independent of the given length. */
export function isMailboxToken(given: string | string[] | undefined, authSecret: string): boolean {
  if (typeof given !== "string" || given.length === 0) return false;
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(mailboxToken(authSecret)));
}
