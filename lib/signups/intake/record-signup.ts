// Durable intake: one row per (tenant, normalized email), committed before anyone is answered.
// Ids are made here, not by the database, so every path (the prepared hot-path insert, the Prisma
// batch insert, the honeypot's decoy answer) hands out the same shape. The database layer's prepared
// insert (lib/db/statements/hot-path.ts) stores the row where the database has one (SQLite); else
// the batched Prisma insert (PostgreSQL). Every writer resolves only once the row is committed,
// null when the address is known.
import { newRowId } from "@/lib/db/row-id";
import { preparedSignupInsert } from "@/lib/db/statements/hot-path";
import type { Store } from "@/lib/db/store";
import { normalizeEmail, type SignupInput } from "../signup-input";
import { createCoalescedPrismaWriter } from "./coalesced-prisma-writer";

/** "c" + 24 lowercase base-36 characters: the length and alphabet of Prisma's cuid(). */
export function newSignupId(): string {
  return newRowId();
}

export interface NewSignupRow {
  id: string;
  tenantId: string;
  email: string;
  emailNormalized: string;
  firstName: string | null;
  consentGiven: boolean;
  consentText: string;
}

export type NewSignupWriter = (row: NewSignupRow) => Promise<{ id: string } | null>;

/** Intake's writer for this store, made once per store. */
export function signupWriterFor(store: Store): NewSignupWriter {
  return store.shared("intake:signup-writer", () => preparedSignupInsert(store) ?? createCoalescedPrismaWriter(store.db));
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
export async function recordSignup(store: Store, tenant: SignupTenant, input: SignupInput): Promise<{ id: string }> {
  const id = newSignupId();
  await signupWriterFor(store)({
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
