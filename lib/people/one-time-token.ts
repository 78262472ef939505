// Tokens behind invitation and password-reset links: 256 random bits in the link, only their
// SHA-256 in the database, so a copy of the database opens no account. A malformed token is
// recognised before any query.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";

export const oneTimeTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "That link is not valid.");

export function generateOneTimeToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashOneTimeToken(token) };
}

export function hashOneTimeToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
