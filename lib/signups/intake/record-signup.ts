// Durable intake: one row per (tenant, normalized email), committed before anyone is answered.
// Ids are made here, not by the database, so every path (the direct SQLite writer, the Prisma batch
// insert, the honeypot's decoy answer) hands out the same shape. Which writer stores a row depends
// on the database: the direct SQLite insert for the embedded default, the batched Prisma insert for
// PostgreSQL; every writer resolves only once the row is committed, null when the address is known.
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/create-client";
import { databaseProvider, sqliteFilePath } from "@/lib/db/database-url";
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
