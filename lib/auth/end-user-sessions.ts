// Ends every session of a user, on every device, by bumping User.sessionVersion: each session
// token carries the version it was issued with, and a token with an older one is refused.
// MINIMAL STAND-IN: branch wt-sec builds the real session versioning (the version in the JWT, the
// check on every session read); when both are merged, keep one function of this name and signature.
import type { Db } from "@/lib/db/create-client";

export async function endUserSessions(db: Db, userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
