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
 * Stores a signup for an address the tenant has not seen and returns an id for the answer.
 *
 * Submissions are anonymous: anyone can type anyone's address. So a repeat for an address the
 * tenant already has changes nothing — not the stored name, not what the sync sends to HubSpot —
 * and is answered exactly like a new one: a fresh id of the same shape, after the same single
 * INSERT … ON CONFLICT DO NOTHING, with no extra read or write that would make it slower. The
 * answer thus tells a caller neither that the address is known nor which row holds it.
 */
export async function recordSignup(store: SignupStore, tenant: SignupTenant, input: SignupInput): Promise<{ id: string }> {
  const id = newSignupId();
  await signupWriterFor(store.db, store.databaseUrl)({
    id,
    tenantId: tenant.id,
    email: input.email,
    emailNormalized: normalizeEmail(input.email),
    firstName: input.firstName ?? null,
    consentGiven: input.consent,
    consentText: tenant.consentText,
  });
  return { id };
}
