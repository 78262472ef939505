// A signed-in person changes their password: the current one must be right. Every session of the
// account ends; the caller signs the person in again on this device with the new password.
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/app-error";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { endUserSessions } from "@/lib/auth/session-version";

export async function changePassword(db: Db, userId: string, input: { currentPassword: string; newPassword: string }): Promise<{ email: string }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!user) throw AppError.notFound("Your account");
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError("invalid_input", "Some fields need attention.", { fieldErrors: { currentPassword: ["That is not your current password."] } });
  }
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(input.newPassword) } });
  await endUserSessions(db, userId);
  return { email: user.email };
}
