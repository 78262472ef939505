// Server-side invalidation of sessions. A session token is a self-contained JWT, so deleting the
// cookie on sign-out does nothing against a copy of it. Each token carries the user's
// sessionVersion from sign-in; every request's session read compares it with the User row, and
// endUserSessions bumps the row, so every token issued before stops working at once.
import type { Db } from "@/lib/db/create-client";

/** Ends every session of this user, on every device. Sign-out uses it; so can a password reset. */
export async function endUserSessions(db: Db, userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

/** The version a new session is issued with; null when the user no longer exists. */
export async function currentSessionVersion(db: Db, userId: string): Promise<number | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user?.sessionVersion ?? null;
}
