// Durable intake: one row per (tenant, normalized email), committed before anyone is answered.
// Ids are made here, not by the database, so every path (the prepared hot-path insert, the Prisma
// batch insert, the honeypot's decoy answer) hands out the same shape. The database layer's prepared
// insert (lib/db/statements/hot-path.ts) stores the row where the database has one (SQLite); else
// the batched Prisma insert (PostgreSQL). Every writer resolves only once the row is committed,
// null when the address is known. A tenant with double opt-in gets its new rows as UNCONFIRMED,
// with a confirmation token, and the mail goes out after the answer (../consent/double-opt-in.ts).
import { newRowId } from "@/lib/db/row-id";
import { preparedSignupInsert, type NewSignupValues } from "@/lib/db/statements/hot-path";
import type { Store } from "@/lib/db/store";
import { log } from "@/lib/log";
import { newConfirmationToken, resendConfirmationIfDue, sendConfirmation, type ConfirmationMailing } from "../consent/double-opt-in";
import type { SignupFieldValues } from "../fields/signup-fields";
import { normalizeEmail, type SignupInput } from "../signup-input";
import { createCoalescedPrismaWriter } from "./coalesced-prisma-writer";

/** "c" + 24 lowercase base-36 characters: the length and alphabet of Prisma's cuid(). */
export function newSignupId(): string {
  return newRowId();
}

export type NewSignupRow = NewSignupValues;

export type NewSignupWriter = (row: NewSignupRow) => Promise<{ id: string } | null>;

/** Intake's writer for this store, made once per store. */
export function signupWriterFor(store: Store): NewSignupWriter {
  return store.shared("intake:signup-writer", () => preparedSignupInsert(store) ?? createCoalescedPrismaWriter(store.db));
}

export interface SignupTenant {
  id: string;
  name: string;
  consentText: string;
  doubleOptIn: boolean;
}

export interface RecordedSignup {
  id: string;
  /** Settles once a double opt-in mail went out (true) or did not need to (false); never rejects. */
  confirmationMail: Promise<boolean>;
}

/**
 * Stores a signup for an address the tenant has not seen and returns an id for the answer.
 *
 * Submissions are anonymous: anyone can type anyone's address. So a repeat for an address the
 * tenant already has changes nothing — not the stored name, not what the sync sends to HubSpot —
 * and is answered exactly like a new one: a fresh id of the same shape, after the same single
 * INSERT … ON CONFLICT DO NOTHING, with no extra read or write that would make it slower. The
 * answer thus tells a caller neither that the address is known nor which row holds it.
 * `mailing` is how double opt-in mails go out (without it such signups wait UNCONFIRMED, unmailed);
 * `source` records where the signup came from (the form, the host's API, an agent).
 */
export async function recordSignup(
  store: Store,
  tenant: SignupTenant,
  input: SignupInput & SignupFieldValues,
  mailing?: ConfirmationMailing,
  source: NewSignupRow["source"] = "form",
): Promise<RecordedSignup> {
  const id = newSignupId();
  const emailNormalized = normalizeEmail(input.email);
  const token = tenant.doubleOptIn ? newConfirmationToken() : null;
  const now = new Date();
  const inserted = await signupWriterFor(store)({
    id,
    tenantId: tenant.id,
    email: input.email,
    emailNormalized,
    firstName: input.firstName ?? null,
    lastName: input.lastName ?? null,
    company: input.company ?? null,
    freeText: input.freeText ?? null,
    consentGiven: input.consent,
    consentText: tenant.consentText,
    source,
    status: token ? "UNCONFIRMED" : "PENDING",
    confirmationTokenHash: token?.tokenHash ?? null,
    confirmationSentAt: token ? now : null,
  });
  if (!token) return { id, confirmationMail: Promise.resolve(false) };
  // After the answer, for new and known addresses alike, so its timing tells a caller nothing.
  if (!mailing) {
    log.warn("double opt-in signup stored without a mailer: no confirmation mail sent", { tenantId: tenant.id });
    return { id, confirmationMail: Promise.resolve(false) };
  }
  const confirmationMail = new Promise<void>((resolve) => setImmediate(resolve)).then(() =>
    (inserted
      ? sendConfirmation(store.db, mailing, tenant, input.email, token, now)
      : resendConfirmationIfDue(store.db, mailing, tenant, emailNormalized, now)
    ).catch((error: unknown) => {
      log.error("confirmation mail failed", { tenantId: tenant.id, error });
      return false;
    }),
  );
  return { id, confirmationMail };
}
