// Using a reset link: the token is claimed once (a conditional update, so two submissions cannot
// both succeed), the new password stored, every other outstanding link of the account voided and
// every session of the account ended.
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/app-error";
import { clearAccountLoginFailures } from "@/lib/auth/login-throttle";
import { hashPassword } from "@/lib/auth/password";
import { endUserSessions } from "@/lib/auth/session-version";
import { hashOneTimeToken, oneTimeTokenSchema } from "../one-time-token";

export type ResetLinkState = { state: "valid"; email: string } | { state: "invalid" | "expired" | "used" };

export async function findPasswordReset(db: Db, token: string, now: Date = new Date()): Promise<ResetLinkState> {
  if (!oneTimeTokenSchema.safeParse(token).success) return { state: "invalid" };
  const row = await db.passwordReset.findUnique({
    where: { tokenHash: hashOneTimeToken(token) },
    include: { user: { select: { email: true } } },
  });
  if (!row) return { state: "invalid" };
  if (row.usedAt) return { state: "used" };
  if (row.expiresAt.getTime() <= now.getTime()) return { state: "expired" };
  return { state: "valid", email: row.user.email };
}

export const resetLinkMessages: Record<Exclude<ResetLinkState["state"], "valid">, { title: string; body: string }> = {
  invalid: { title: "This reset link is not valid", body: "Check that you copied the whole link, or ask for a new one." },
  expired: { title: "This reset link has expired", body: "Reset links work for one hour. Ask for a new one." },
  used: { title: "This reset link was already used", body: "Each link works once. Ask for a new one if you still need it." },
};

export async function resetPassword(
  db: Db,
  token: string,
  newPassword: string,
  now: Date = new Date(),
): Promise<{ userId: string; email: string }> {
  const link = await findPasswordReset(db, token, now);
  if (link.state !== "valid") throw new AppError("conflict", resetLinkMessages[link.state].title);
  const passwordHash = await hashPassword(newPassword);
  const tokenHash = hashOneTimeToken(token);
  const userId = await db.$transaction(async (tx) => {
    const row = await tx.passwordReset.findUniqueOrThrow({ where: { tokenHash }, select: { id: true, userId: true } });
    const claimed = await tx.passwordReset.updateMany({
      where: { id: row.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) throw new AppError("conflict", resetLinkMessages.used.title);
    await tx.passwordReset.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: now } });
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash } });
    return row.userId;
  });
  await endUserSessions(db, userId);
  // Whoever proved they own the mailbox should not stay locked out by someone else's guessing.
  await clearAccountLoginFailures(db, link.email);
  return { userId, email: link.email };
}
