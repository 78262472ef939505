// What a confirmation link leads to, and confirming it. The page (GET) only looks; confirming is a
// POST, so a mail scanner that follows the link subscribes no one. Every unusable link — malformed,
// unknown (forged or replaced by a newer mail), expired, already used — gets its own state for the
// page to explain, and changes nothing.
import type { Db } from "@/lib/db/create-client";
import { hashOneTimeToken, oneTimeTokenSchema } from "@/lib/people/one-time-token";
import { CONFIRMATION_TTL_MS } from "./double-opt-in";

export type ConfirmationLookup =
  | { state: "pending"; tenantName: string; email: string; consentText: string }
  | { state: "confirmed"; tenantName: string }
  | { state: "invalid" | "expired" | "used" };

export async function findConfirmation(db: Db, token: string, now = new Date()): Promise<ConfirmationLookup> {
  if (!oneTimeTokenSchema.safeParse(token).success) return { state: "invalid" };
  const row = await db.signup.findUnique({
    where: { confirmationTokenHash: hashOneTimeToken(token) },
    select: {
      email: true,
      status: true,
      consentText: true,
      confirmedAt: true,
      confirmationSentAt: true,
      tenant: { select: { name: true, consentText: true } },
    },
  });
  if (!row) return { state: "invalid" };
  if (row.confirmedAt || row.status !== "UNCONFIRMED") return { state: "used" };
  if (!row.confirmationSentAt || row.confirmationSentAt.getTime() + CONFIRMATION_TTL_MS <= now.getTime()) return { state: "expired" };
  return { state: "pending", tenantName: row.tenant.name, email: row.email, consentText: row.consentText ?? row.tenant.consentText };
}

/**
 * UNCONFIRMED → PENDING (due now: the sync takes it from here, or parks it as WAITING while the
 * tenant has no usable connection), recording when and from which client address. The consent
 * text is the one the visitor agreed to on the form, shown again on the confirmation page; it is
 * stored with the signup and is what HubSpot gets as the legal basis explanation.
 * One statement, conditional on the link still being usable, so two clicks confirm once.
 */
export async function confirmSignup(db: Db, token: string, clientIp: string | null, now = new Date()): Promise<ConfirmationLookup> {
  const lookup = await findConfirmation(db, token, now);
  if (lookup.state !== "pending") return lookup;
  const { count } = await db.signup.updateMany({
    where: {
      confirmationTokenHash: hashOneTimeToken(token),
      status: "UNCONFIRMED",
      confirmedAt: null,
      confirmationSentAt: { gt: new Date(now.getTime() - CONFIRMATION_TTL_MS) },
    },
    data: {
      status: "PENDING",
      confirmedAt: now,
      confirmedFromIp: clientIp?.slice(0, 64) ?? null,
      consentText: lookup.consentText,
      nextAttemptAt: now,
      attempts: 0,
      lastError: null,
    },
  });
  return count === 1 ? { state: "confirmed", tenantName: lookup.tenantName } : findConfirmation(db, token, now);
}

export const confirmationStateMessages: Record<"invalid" | "expired" | "used", { title: string; body: string }> = {
  invalid: {
    title: "This confirmation link is not valid",
    body: "Check that you opened the whole link from the newest email we sent; an older link stops working when a new one is sent. Signing up again sends a new link.",
  },
  expired: {
    title: "This confirmation link has expired",
    body: "Links are valid for 7 days. Sign up again on the newsletter's form to get a new one.",
  },
  used: {
    title: "This subscription is already confirmed",
    body: "The link works once, and it has been used. There is nothing more to do.",
  },
};
