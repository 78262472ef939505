// Writes what a push meant back to the signup rows. Every write is conditional on this worker
// still holding the claim: if intake changed the details meanwhile (and dropped the claim), the
// row stays PENDING and the newer details are pushed next — by email, so still one contact.
// Every outcome is terminal (Synced, Failed) or bounded (retried until the give-up limit); only
// waiting for a usable connection is open-ended.
// A batch's outcomes are one UPDATE (each row's values carried in one parameter, see json-rows.ts)
// plus one INSERT of its webhook events: Prisma's per-call query building cost more CPU than the
// database's own work, and per-row statements multiplied it by a hundred.
import type { Db } from "@/lib/db/create-client";
import type { DatabaseProvider } from "@/lib/db/database-url";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { jsonRows } from "@/lib/db/json-rows";
import { signupFailedEvent, signupSyncedEvent } from "@/lib/webhooks/outbox-events";
import { webhookEventsInsert, type OutboxEvent } from "@/lib/webhooks/record-webhook-events";
import { retryDelayMs } from "./backoff";
import type { ClaimedSignup } from "./claim-signups";

/** Where outcomes are written, and by whom (the claim holder). */
export interface OutcomeStore {
  db: Db;
  provider: DatabaseProvider;
  workerId: string;
}

export async function recordSynced(
  store: OutcomeStore,
  connectionId: string,
  synced: { signup: ClaimedSignup; contactId: string }[],
  rejected: { signup: ClaimedSignup; reason: string }[],
): Promise<void> {
  if (synced.length === 0 && rejected.length === 0) return;
  const now = new Date();
  // HubSpot refused a rejected row's value itself (INVALID_EMAIL, another contact's address):
  // retrying cannot help, so it ends FAILED with HubSpot's reason.
  const outcomes = jsonRows(store.provider, ["id", "status", "contactId", "lastError"], [
    ...synced.map(({ signup, contactId }) => [signup.id, "SYNCED", contactId, null] as const),
    ...rejected.map(({ signup, reason }) => [signup.id, "FAILED", null, reason] as const),
  ]);
  const update = Prisma.sql`UPDATE "Signup" SET
      "status" = ${asStatus(store.provider, Prisma.sql`o."status"`)},
      "hubspotContactId" = COALESCE(o."contactId", "Signup"."hubspotContactId"),
      "syncedAt" = CASE WHEN o."contactId" IS NULL THEN "Signup"."syncedAt" ELSE ${now} END,
      "lastError" = o."lastError", "connectionId" = ${connectionId}, "attempts" = "Signup"."attempts" + 1,
      "claimedBy" = NULL, "claimedUntil" = NULL, "updatedAt" = ${now}
    FROM ${outcomes} AS o
    WHERE "Signup"."id" = o."id" AND "Signup"."claimedBy" = ${store.workerId}`;
  // signup.synced / signup.failed commit with the outcomes (webhook outbox).
  await writeWithEvents(store, update, [
    ...synced.map(({ signup, contactId }) => ({ signupId: signup.id, event: signupSyncedEvent(signup, contactId) })),
    ...rejected.map(({ signup, reason }) => ({ signupId: signup.id, event: signupFailedEvent(signup, reason) })),
  ], now);
}

export type RetryPolicy = {
  /** The attempt that reaches this count, failing, ends as FAILED instead of being retried. */
  giveUpAfterAttempts: number;
  /** Never retry sooner than this (HubSpot's rate-limit interval, 423's "at least 2 seconds"). */
  minDelayMs?: number;
};

/** A transient failure: counted, and tried again after an exponential, jittered delay — or given up. */
export async function recordRetryLater(store: OutcomeStore, signups: ClaimedSignup[], reason: string, policy: RetryPolicy): Promise<void> {
  if (signups.length === 0) return;
  const now = Date.now();
  const givenUp = signups.filter((signup) => signup.attempts + 1 >= policy.giveUpAfterAttempts);
  const retried = signups.filter((signup) => signup.attempts + 1 < policy.giveUpAfterAttempts);
  const giveUpReason = (signup: ClaimedSignup) => `gave up after ${signup.attempts + 1} attempts: ${reason}`.slice(0, 500);
  const nextAttemptAt = (signup: ClaimedSignup) => new Date(now + Math.max(policy.minDelayMs ?? 0, retryDelayMs(signup.attempts + 1)));
  const update = Prisma.sql`UPDATE "Signup" SET
      ${givenUp.length === 0 ? Prisma.empty : Prisma.sql`"status" = CASE WHEN "id" IN (${Prisma.join(givenUp.map((signup) => signup.id))}) THEN 'FAILED' ELSE "status" END,`}
      "lastError" = ${givenUp.length === 0 ? reason : Prisma.sql`CASE "id" ${Prisma.join(givenUp.map((signup) => Prisma.sql`WHEN ${signup.id} THEN ${giveUpReason(signup)}`), " ")} ELSE ${reason} END`},
      ${retried.length === 0 ? Prisma.empty : Prisma.sql`"nextAttemptAt" = CASE "id" ${Prisma.join(retried.map((signup) => Prisma.sql`WHEN ${signup.id} THEN ${nextAttemptAt(signup)}`), " ")} ELSE "nextAttemptAt" END,`}
      "attempts" = "attempts" + 1, "claimedBy" = NULL, "claimedUntil" = NULL, "updatedAt" = ${new Date(now)}
    WHERE "claimedBy" = ${store.workerId} AND "id" IN (${Prisma.join(signups.map((signup) => signup.id))})`;
  // A signup that ends FAILED this way is announced like one HubSpot rejected (webhook outbox).
  await writeWithEvents(store, update, givenUp.map((signup) => ({ signupId: signup.id, event: signupFailedEvent(signup, giveUpReason(signup)) })), new Date(now));
}

/** Not the signup's fault (no usable connection, our own rate budget): wait without counting. */
export async function recordWaiting(store: OutcomeStore, signups: ClaimedSignup[], delayMs: number, reason: string | null): Promise<void> {
  if (signups.length === 0) return;
  await store.db.$executeRaw`UPDATE "Signup" SET "claimedBy" = NULL, "claimedUntil" = NULL,
      "nextAttemptAt" = ${new Date(Date.now() + delayMs)}, "lastError" = ${reason === null ? Prisma.sql`"lastError"` : reason}, "updatedAt" = ${new Date()}
    WHERE "claimedBy" = ${store.workerId} AND "id" IN (${Prisma.join(signups.map((signup) => signup.id))})`;
}

// The outcome and its events commit together: on PostgreSQL as one statement (a data-modifying
// WITH runs to completion whether or not it is read), on SQLite as one transaction of two. Only
// the rows this worker still held are announced: a signup whose claim lapsed (a stalled worker)
// is another worker's by now, and that worker announces it once.
async function writeWithEvents(store: OutcomeStore, update: Prisma.Sql, events: { signupId: string; event: OutboxEvent }[], now: Date): Promise<void> {
  const { db, provider, workerId } = store;
  if (events.length === 0) {
    await db.$executeRaw(update);
    return;
  }
  const keys = events.map(({ signupId }) => signupId);
  const outbox = events.map(({ event }) => event);
  if (provider === "postgresql") {
    const insert = webhookEventsInsert(provider, outbox, now, { keys, keep: Prisma.sql`e."key" IN (SELECT "id" FROM "outcomes")` });
    await db.$executeRaw`WITH "outcomes" AS (${update} RETURNING "Signup"."id"), "events" AS (${insert}) SELECT 1`;
    return;
  }
  // The events first, while the claim is still on the rows; SQLite's one writer keeps the two
  // statements from seeing different rows.
  const insert = webhookEventsInsert(provider, outbox, now, {
    keys, keep: Prisma.sql`EXISTS (SELECT 1 FROM "Signup" s WHERE s."id" = e."key" AND s."claimedBy" = ${workerId})`,
  });
  await db.$transaction([db.$executeRaw(insert), db.$executeRaw(update)]);
}

// PostgreSQL keeps the status as an enum, which a text value only becomes by an explicit cast.
function asStatus(provider: DatabaseProvider, value: Prisma.Sql): Prisma.Sql {
  return provider === "postgresql" ? Prisma.sql`${value}::"SignupStatus"` : value;
}
