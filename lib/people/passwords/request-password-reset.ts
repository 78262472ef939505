// "Forgot password?": mails a reset link when the address belongs to an account, and does nothing
// visible otherwise — the caller answers the same either way (and runs this after responding, so
// not even the response time differs). A handful of links per account per hour at most, so the form
// cannot be used to flood someone's inbox (past that, a rate_limited AppError the caller keeps to itself).
import { AppError } from "@/lib/app-error";
import type { Db } from "@/lib/db/create-client";
import { normalizeEmail } from "@/lib/auth/password";
import type { Mailer } from "@/lib/mail/mailer";
import { passwordResetMail } from "@/lib/mail/templates/password-reset-mail";
import type { PeopleLinks } from "../people-links";
import { issuePasswordReset } from "./issue-password-reset";

export const MAX_RESETS_PER_HOUR = 3;

export type ResetRequestOutcome = "sent" | "no-account" | "not-delivered";

export async function requestPasswordReset(
  db: Db,
  mailer: Mailer,
  email: string,
  links: PeopleLinks,
  now: Date = new Date(),
): Promise<ResetRequestOutcome> {
  const user = await db.user.findUnique({ where: { email: normalizeEmail(email) }, select: { id: true, email: true } });
  if (!user) return "no-account";
  const recent = await db.passwordReset.count({ where: { userId: user.id, createdAt: { gt: new Date(now.getTime() - 60 * 60_000) } } });
  if (recent >= MAX_RESETS_PER_HOUR) throw new AppError("rate_limited", "Too many reset links were sent to this account in the last hour.");
  const { resetUrl } = await issuePasswordReset(db, user.id, links.appUrl, now);
  const delivery = await mailer.send(user.email, passwordResetMail({ productName: links.productName, resetUrl }));
  return delivery.delivered ? "sent" : "not-delivered";
}
