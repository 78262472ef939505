// Double opt-in: a signup of a tenant that asks for it waits as UNCONFIRMED until the visitor opens
// the link mailed to the address and confirms. The link carries 256 random bits; only their SHA-256
// is stored (the newest mail's, so an older link stops working once a newer one is sent). A link
// lasts 7 days; a repeat signup for an unconfirmed address re-sends at most once an hour, decided by
// a compare-and-set on confirmationSentAt, so concurrent repeats send one mail between them.
import type { Db } from "@/lib/db/create-client";
import { log } from "@/lib/log";
import type { Mailer } from "@/lib/mail/mailer";
import { subscriptionConfirmationMail } from "@/lib/mail/templates/subscription-confirmation-mail";
import { generateOneTimeToken } from "@/lib/people/one-time-token";

export const CONFIRMATION_TTL_MS = 7 * 24 * 60 * 60_000;
export const CONFIRMATION_RESEND_INTERVAL_MS = 60 * 60_000;

/** What sending a confirmation needs: the mailer and where the link points. */
export interface ConfirmationMailing {
  mailer: Mailer;
  appUrl: string;
}

export interface ConfirmingTenant {
  id: string;
  name: string;
}

export function confirmationUrl(appUrl: string, token: string): string {
  return `${appUrl}/confirm/${token}`;
}

export const newConfirmationToken = generateOneTimeToken;

/**
 * Sends the mail for a token already stored with the signup. A mail that could not go out clears
 * confirmationSentAt (only while that token is still the newest), so the visitor's next try sends
 * again at once instead of an hour later. Never throws.
 */
export async function sendConfirmation(
  db: Db,
  mailing: ConfirmationMailing,
  tenant: ConfirmingTenant,
  email: string,
  token: { token: string; tokenHash: string },
  sentAt: Date,
): Promise<boolean> {
  try {
    const expiresAt = new Date(sentAt.getTime() + CONFIRMATION_TTL_MS);
    const delivery = await mailing.mailer.send(
      email,
      subscriptionConfirmationMail({ tenantName: tenant.name, confirmUrl: confirmationUrl(mailing.appUrl, token.token), expiresAt }),
    );
    if (delivery.delivered) return true;
    await db.signup.updateMany({
      where: { confirmationTokenHash: token.tokenHash, confirmedAt: null },
      data: { confirmationSentAt: null },
    });
  } catch (error) {
    log.error("confirmation mail failed", { tenantId: tenant.id, error });
  }
  return false;
}

/**
 * A repeat signup for an address that is still UNCONFIRMED: a fresh link, if the last mail went
 * out more than an hour ago (or never went out). Returns whether a mail was sent.
 */
export async function resendConfirmationIfDue(
  db: Db,
  mailing: ConfirmationMailing,
  tenant: ConfirmingTenant,
  emailNormalized: string,
  now = new Date(),
): Promise<boolean> {
  const token = newConfirmationToken();
  const { count } = await db.signup.updateMany({
    where: {
      tenantId: tenant.id,
      emailNormalized,
      status: "UNCONFIRMED",
      OR: [{ confirmationSentAt: null }, { confirmationSentAt: { lte: new Date(now.getTime() - CONFIRMATION_RESEND_INTERVAL_MS) } }],
    },
    data: { confirmationTokenHash: token.tokenHash, confirmationSentAt: now },
  });
  if (count === 0) return false;
  const row = await db.signup.findUnique({ where: { confirmationTokenHash: token.tokenHash }, select: { email: true } });
  return row ? sendConfirmation(db, mailing, tenant, row.email, token, now) : false;
}
