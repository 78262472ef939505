// How many invitation emails may go out: a few per address and hour (one address got six in a row
// once: an inbox flood with our name on it), and a generous number per tenant and hour (a leaked key
// or a rogue admin must not turn the product into a mailer). Counted from the invitation rows
// themselves, like password resets, so every instance and every door (dashboard, CLI, API) sees the
// same counts.
import { AppError } from "@/lib/app-error";
import type { Db } from "@/lib/db/create-client";

export const INVITATION_WINDOW_MS = 60 * 60_000;
export const MAX_INVITATIONS_PER_ADDRESS = 3;
export const MAX_INVITATIONS_PER_TENANT = 30;

/** Throws a rate_limited AppError (with retryAfterSeconds) when one more invitation is too many. */
export async function assertMayInvite(db: Db, tenantId: string, email: string, now: Date = new Date()): Promise<void> {
  const since = new Date(now.getTime() - INVITATION_WINDOW_MS);
  const limits = [
    {
      where: { email, createdAt: { gt: since } },
      max: MAX_INVITATIONS_PER_ADDRESS,
      message: "This address was invited too often in the last hour.",
    },
    {
      where: { tenantId, createdAt: { gt: since } },
      max: MAX_INVITATIONS_PER_TENANT,
      message: "This tenant sent too many invitations in the last hour.",
    },
  ];
  for (const limit of limits) {
    const recent = await db.invitation.findMany({
      where: limit.where,
      select: { createdAt: true },
      orderBy: { createdAt: "desc" },
      take: limit.max,
    });
    if (recent.length < limit.max) continue;
    // The window frees a slot when the oldest of the counted invitations leaves it.
    const oldest = recent[recent.length - 1]!.createdAt.getTime();
    const retryAfterSeconds = Math.max(1, Math.ceil((oldest + INVITATION_WINDOW_MS - now.getTime()) / 1000));
    const minutes = Math.ceil(retryAfterSeconds / 60);
    throw new AppError("rate_limited", `${limit.message} Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, {
      retryAfterSeconds,
      fieldErrors: { email: [`${limit.message} Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`] },
    });
  }
}
