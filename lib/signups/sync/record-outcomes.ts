// Writes what a push meant back to the signup rows. Every write is conditional on this worker
// still holding the claim: if intake changed the details meanwhile (and dropped the claim), the
// row stays PENDING and the newer details are pushed next — by email, so still one contact.
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
    // HubSpot refused the value itself (e.g. INVALID_EMAIL): retrying cannot help.
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

/** A transient failure: counted, and tried again after an exponential, jittered delay. */
export async function recordRetryLater(db: Db, workerId: string, signups: ClaimedSignup[], reason: string): Promise<void> {
  const now = Date.now();
  await db.$transaction(
    signups.map((signup) =>
      db.signup.updateMany({
        where: claimedBy(signup, workerId),
        data: { ...released, attempts: signup.attempts + 1, lastError: reason, nextAttemptAt: new Date(now + retryDelayMs(signup.attempts + 1)) },
      }),
    ),
  );
}

/** Not the signup's fault (no usable connection, our own rate budget): wait without counting. */
export async function recordWaiting(db: Db, workerId: string, signups: ClaimedSignup[], delayMs: number, reason: string | null): Promise<void> {
  if (signups.length === 0) return;
  await db.signup.updateMany({
    where: { id: { in: signups.map((signup) => signup.id) }, claimedBy: workerId },
    data: { ...released, nextAttemptAt: new Date(Date.now() + delayMs), ...(reason === null ? {} : { lastError: reason }) },
  });
}
