// Writes what a push meant back to the signup rows. Every write is conditional on this worker
// still holding the claim: if intake changed the details meanwhile (and dropped the claim), the
// row stays PENDING and the newer details are pushed next — by email, so still one contact.
// Every outcome is terminal (Synced, Failed) or bounded (retried until the give-up limit); only
// waiting for a usable connection is open-ended.
import type { Db } from "@/lib/db/create-client";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { signupFailedEvent, signupSyncedEvent } from "@/lib/webhooks/outbox-events";
import { recordWebhookEvents } from "@/lib/webhooks/record-webhook-events";
import { retryDelayMs } from "./backoff";
import type { ClaimedSignup } from "./claim-signups";

const claimedBy = (signup: ClaimedSignup, workerId: string) => ({ id: signup.id, claimedBy: workerId });
const released = { claimedBy: null, claimedUntil: null };

export async function recordSynced(
  db: Db,
  workerId: string,
  connectionId: string,
  synced: { signup: ClaimedSignup; contactId: string }[],
  rejected: { signup: ClaimedSignup; reason: string }[],
): Promise<void> {
  if (synced.length === 0 && rejected.length === 0) return;
  const now = new Date();
  const syncedIds = synced.map(({ signup }) => signup.id);
  await db.$transaction([
    // Two statements for a whole batch instead of one per row: the shared fields first (still
    // under our claim), then each row's contact id in one CASE update that also ends the claim.
    ...(synced.length === 0
      ? []
      : [
          db.signup.updateMany({
            where: { id: { in: syncedIds }, claimedBy: workerId },
            data: { status: "SYNCED", connectionId, syncedAt: now, lastError: null },
          }),
          db.$executeRaw`UPDATE "Signup" SET
              "hubspotContactId" = CASE "id" ${Prisma.join(synced.map(({ signup, contactId }) => Prisma.sql`WHEN ${signup.id} THEN ${contactId}`), " ")} END,
              "attempts" = "attempts" + 1, "claimedBy" = NULL, "claimedUntil" = NULL
            WHERE "claimedBy" = ${workerId} AND "id" IN (${Prisma.join(syncedIds)})`,
        ]),
    // HubSpot refused the value itself (INVALID_EMAIL, another contact's address): retrying cannot help.
    ...rejected.map(({ signup, reason }) =>
      db.signup.updateMany({
        where: claimedBy(signup, workerId),
        data: { ...released, status: "FAILED", lastError: reason, connectionId, attempts: signup.attempts + 1 },
      }),
    ),
    // signup.synced / signup.failed commit with the outcomes (webhook outbox).
    recordWebhookEvents(db, [
      ...synced.map(({ signup, contactId }) => signupSyncedEvent(signup, contactId)),
      ...rejected.map(({ signup, reason }) => signupFailedEvent(signup, reason)),
    ]),
  ]);
}

export type RetryPolicy = {
  /** The attempt that reaches this count, failing, ends as FAILED instead of being retried. */
  giveUpAfterAttempts: number;
  /** Never retry sooner than this (HubSpot's rate-limit interval, 423's "at least 2 seconds"). */
  minDelayMs?: number;
};

/** A transient failure: counted, and tried again after an exponential, jittered delay — or given up. */
export async function recordRetryLater(db: Db, workerId: string, signups: ClaimedSignup[], reason: string, policy: RetryPolicy): Promise<void> {
  if (signups.length === 0) return;
  const now = Date.now();
  const givenUp = signups.filter((signup) => signup.attempts + 1 >= policy.giveUpAfterAttempts);
  const giveUpReason = (signup: ClaimedSignup) => `gave up after ${signup.attempts + 1} attempts: ${reason}`.slice(0, 500);
  await db.$transaction([
    ...signups.map((signup) => {
      const attempts = signup.attempts + 1;
      if (attempts >= policy.giveUpAfterAttempts) {
        return db.signup.updateMany({
          where: claimedBy(signup, workerId),
          data: { ...released, status: "FAILED", attempts, lastError: giveUpReason(signup) },
        });
      }
      const delayMs = Math.max(policy.minDelayMs ?? 0, retryDelayMs(attempts));
      return db.signup.updateMany({
        where: claimedBy(signup, workerId),
        data: { ...released, attempts, lastError: reason, nextAttemptAt: new Date(now + delayMs) },
      });
    }),
    // A signup that ends FAILED this way is announced like one HubSpot rejected (webhook outbox).
    ...(givenUp.length > 0 ? [recordWebhookEvents(db, givenUp.map((signup) => signupFailedEvent(signup, giveUpReason(signup))))] : []),
  ]);
}

/** Not the signup's fault (no usable connection, our own rate budget): wait without counting. */
export async function recordWaiting(db: Db, workerId: string, signups: ClaimedSignup[], delayMs: number, reason: string | null): Promise<void> {
  if (signups.length === 0) return;
  await db.signup.updateMany({
    where: { id: { in: signups.map((signup) => signup.id) }, claimedBy: workerId },
    data: { ...released, nextAttemptAt: new Date(Date.now() + delayMs), ...(reason === null ? {} : { lastError: reason }) },
  });
}
