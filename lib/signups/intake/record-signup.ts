// Durable intake: one row per (tenant, normalized email), committed before anyone is answered.
// Ids are made here, not by the database, so every path (the direct SQLite writer, the Prisma batch
// insert, the honeypot's decoy answer) hands out the same shape. Which writer stores a row depends
// on the database: the direct SQLite insert for the embedded default, the batched Prisma insert for
// PostgreSQL; every writer resolves only once the row is committed, null when the address is known.
// A tenant with double opt-in gets its new rows as UNCONFIRMED, with a confirmation token, and the
// mail goes out after the answer (lib/signups/consent/double-opt-in.ts).
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/create-client";
import { databaseProvider, sqliteFilePath } from "@/lib/db/database-url";
import { log } from "@/lib/log";
import { newConfirmationToken, resendConfirmationIfDue, sendConfirmation, type ConfirmationMailing } from "../consent/double-opt-in";
import { normalizeEmail, type SignupInput } from "../signup-input";
import { createCoalescedPrismaWriter } from "./coalesced-prisma-writer";
import { createSqliteSignupWriter } from "./sqlite-signup-writer";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
// 24 characters of a 36-letter alphabet: ~124 bits, so collisions are not a practical concern.
const RANDOM_LENGTH = 24;

/** "c" + 24 lowercase base-36 characters: the length and alphabet of Prisma's cuid(). */
export function newSignupId(): string {
  const bytes = randomBytes(RANDOM_LENGTH);
  let id = "c";
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}

export interface NewSignupRow {
  id: string;
  tenantId: string;
  email: string;
  emailNormalized: string;
  firstName: string | null;
  consentGiven: boolean;
  consentText: string;
  status: "PENDING" | "UNCONFIRMED";
  confirmationTokenHash: string | null;
  confirmationSentAt: Date | null;
}

export type NewSignupWriter = (row: NewSignupRow) => Promise<{ id: string } | null>;

const writers = new Map<string, NewSignupWriter>();

export function signupWriterFor(db: Db, databaseUrl: string): NewSignupWriter {
  let writer = writers.get(databaseUrl);
  if (!writer) {
    writer = databaseProvider(databaseUrl) === "sqlite" ? createSqliteSignupWriter(sqliteFilePath(databaseUrl)) : createCoalescedPrismaWriter(db);
    writers.set(databaseUrl, writer);
  }
  return writer;
}

/**
 * Where signups are kept: the Prisma client, and the URL that picks intake's writer for it; and
 * how double opt-in mails go out (without it, such signups wait UNCONFIRMED with no mail).
 */
export interface SignupStore {
  db: Db;
  databaseUrl: string;
  confirmationMailing?: ConfirmationMailing;
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
 */
export async function recordSignup(store: SignupStore, tenant: SignupTenant, input: SignupInput): Promise<RecordedSignup> {
  const id = newSignupId();
  const emailNormalized = normalizeEmail(input.email);
  const token = tenant.doubleOptIn ? newConfirmationToken() : null;
  const now = new Date();
  const inserted = await signupWriterFor(store.db, store.databaseUrl)({
    id,
    tenantId: tenant.id,
    email: input.email,
    emailNormalized,
    firstName: input.firstName ?? null,
    consentGiven: input.consent,
    consentText: tenant.consentText,
    status: token ? "UNCONFIRMED" : "PENDING",
    confirmationTokenHash: token?.tokenHash ?? null,
    confirmationSentAt: token ? now : null,
  });
  if (!token) return { id, confirmationMail: Promise.resolve(false) };
  // After the answer, for new and known addresses alike, so its timing tells a caller nothing.
  const mailing = store.confirmationMailing;
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
