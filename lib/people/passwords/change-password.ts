// A signed-in person changes their password: the current one must be right, and it is checked by
// the sign-in check itself, under the same throttle (a stolen session must not become an unlimited
// password oracle). Every session of the account ends; the caller signs the person in again on this
// device with the new password.
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/app-error";
import { authenticateWithPassword } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import { endUserSessions } from "@/lib/auth/session-version";

export type PasswordChange = { currentPassword: string; newPassword: string; ip: string | null };

export async function changePassword(db: Db, userId: string, input: PasswordChange, now: Date = new Date()): Promise<{ email: string }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) throw AppError.notFound("Your account");
  try {
    await authenticateWithPassword(db, { email: user.email, password: input.currentPassword, ip: input.ip }, now);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "unauthenticated") {
      throw new AppError("invalid_input", "Some fields need attention.", {
        fieldErrors: { currentPassword: ["That is not your current password."] },
      });
    }
    throw new AppError(error.code, error.message, { ...error.details, fieldErrors: { currentPassword: [error.message] } });
  }
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(input.newPassword) } });
  await endUserSessions(db, userId);
  return { email: user.email };
}
