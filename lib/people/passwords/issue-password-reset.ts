// Issues a password reset link for an account: a fresh single-use token (hashed at rest), valid one
// hour. Used by "Forgot password?" (which mails it) and by the operator CLI (which prints it).
import type { Db } from "@/lib/db/create-client";
import { PASSWORD_RESET_TTL_MS } from "../link-lifetimes";
import { generateOneTimeToken } from "../one-time-token";

export async function issuePasswordReset(
  db: Db,
  userId: string,
  appUrl: string,
  now: Date = new Date(),
): Promise<{ resetUrl: string; expiresAt: Date }> {
  const { token, tokenHash } = generateOneTimeToken();
  const expiresAt = new Date(now.getTime() + PASSWORD_RESET_TTL_MS);
  await db.passwordReset.create({ data: { tokenHash, userId, expiresAt } });
  return { resetUrl: `${appUrl}/reset-password/${token}`, expiresAt };
}
