// Durable intake: one row per (tenant, normalized email), committed before anyone is answered.
import type { Db } from "@/lib/db/create-client";
import { signupWriterFor } from "./intake/signup-writer";
import { newSignupId } from "./signup-id";
import { normalizeEmail, type SignupInput } from "./signup-input";

/** Where signups are kept: the Prisma client, and the URL that picks intake's writer for it. */
export interface SignupStore {
  db: Db;
  databaseUrl: string;
}

export interface SignupTenant {
  id: string;
  consentText: string;
}

/**
 * Stores the signup and returns its id. A repeat submission keeps one row with the latest details.
 * It goes back to PENDING only when something HubSpot should learn changed: an identical repeat of
 * a synced signup costs no HubSpot call, and an identical repeat of a FAILED one (HubSpot rejected
 * the address) would only fail again, so it stays FAILED until an admin retries it. Changing details also drops any
 * worker's claim, so a push already in flight with the old details cannot mark the row SYNCED;
 * the next push is a batch upsert by email, so HubSpot still holds exactly one contact.
 */
export async function recordSignup(store: SignupStore, tenant: SignupTenant, input: SignupInput): Promise<{ id: string }> {
  const { db } = store;
  const emailNormalized = normalizeEmail(input.email);
  const details = {
    email: input.email,
    firstName: input.firstName ?? null,
    consentGiven: input.consent,
    consentText: tenant.consentText,
  };
  // Most signups are new addresses: try the insert first (one statement), update on conflict.
  const inserted = await signupWriterFor(db, store.databaseUrl)({ id: newSignupId(), tenantId: tenant.id, emailNormalized, ...details });
  if (inserted) return inserted;
  const existing = await db.signup.findUniqueOrThrow({
    where: { tenantId_emailNormalized: { tenantId: tenant.id, emailNormalized } },
    select: { id: true, email: true, firstName: true, consentGiven: true, consentText: true },
  });
  const changed =
    existing.firstName !== details.firstName ||
    existing.consentGiven !== details.consentGiven ||
    existing.consentText !== details.consentText;
  if (changed) {
    await db.signup.update({
      where: { id: existing.id },
      data: { ...details, status: "PENDING", attempts: 0, nextAttemptAt: new Date(), lastError: null, claimedBy: null, claimedUntil: null },
    });
  } else if (existing.email !== details.email) {
    await db.signup.update({ where: { id: existing.id }, data: { email: details.email } });
  }
  return { id: existing.id };
}
