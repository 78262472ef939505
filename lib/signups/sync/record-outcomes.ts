// Writes what a push meant back to the signup rows. Every write is conditional on this worker
// still holding the claim: if intake changed the details meanwhile (and dropped the claim), the
// row stays PENDING and the newer details are pushed next — by email, so still one contact.
// Every outcome is terminal (Synced, Failed) or bounded (retried until the give-up limit); only
// waiting for a usable connection is open-ended. The decisions are made here; the statements
// (one UPDATE plus one INSERT of the webhook events) are lib/db/statements/signup-outcomes.ts.
// Events are built only for the kinds an endpoint receives (writeAnnounced).
// Answers that arrive together — a pass's calls to many small portals — are written together, one
// statement pair for up to ANSWERED_ROWS_PER_STATEMENT rows (lib/batched-calls.ts).
import { batchedCalls } from "@/lib/batched-calls";
import {
  releaseSignupClaims,
  writeAnsweredSignups,
  writeRetriedSignups,
  type AnsweredSignup,
  type OutcomeEvents,
  type Written,
} from "@/lib/db/statements/signup-outcomes";
import type { Store } from "@/lib/db/store";
import { splitByReceivers } from "@/lib/webhooks/event-receivers";
import { signupFailedEvent, signupSyncedEvent } from "@/lib/webhooks/outbox-events";
import { keyedWebhookEventRows, type OutboxEvent } from "@/lib/webhooks/record-webhook-events";
import { retryDelayMs } from "./backoff";
import type { ClaimedSignup } from "./claim-signups";

/** Where outcomes are written, and by whom (the claim holder). */
export interface OutcomeStore {
  store: Store;
  workerId: string;
}

export async function recordSynced(
  owner: OutcomeStore,
  connectionId: string,
  synced: { signup: ClaimedSignup; contactId: string }[],
  rejected: { signup: ClaimedSignup; reason: string }[],
): Promise<void> {
  if (synced.length === 0 && rejected.length === 0) return;
  // HubSpot refused a rejected row's value itself (INVALID_EMAIL, another contact's address):
  // retrying cannot help, so it ends FAILED with HubSpot's reason.
  const rows: AnsweredSignup[] = [
    ...synced.map(({ signup, contactId }) => ({ id: signup.id, connectionId, status: "SYNCED" as const, contactId, lastError: null })),
    ...rejected.map(({ signup, reason }) => ({
      id: signup.id,
      connectionId,
      status: "FAILED" as const,
      contactId: null,
      lastError: reason,
    })),
  ];
  // signup.synced / signup.failed commit with the outcomes (webhook outbox).
  const announcements = [
    ...synced.map(({ signup, contactId }) => ({ key: signup.id, event: signupSyncedEvent(signup, contactId) })),
    ...rejected.map(({ signup, reason }) => ({ key: signup.id, event: signupFailedEvent(signup, reason) })),
  ];
  await answeredWriter(owner)({ rows, announcements });
}

/** An event about one signup (`key`), written with that signup's outcome. */
type Announcement = { key: string; event: OutboxEvent };

/**
 * Writes an outcome with its announcements: only those some endpoint receives become event rows
 * (building and sending the rest would cost the sync for nothing, and carry a person's address for
 * nothing); the kinds left out are re-checked by the statement, which writes nothing if an endpoint
 * for one appeared meanwhile — then the outcome is written again with every event.
 */
async function writeAnnounced(
  store: Store,
  announcements: readonly Announcement[],
  now: Date,
  write: (events: OutcomeEvents) => Promise<Written>,
): Promise<void> {
  const { received, unannounced } = await splitByReceivers(store.db, announcements, ({ event }) => event);
  if (await write({ rows: keyedWebhookEventRows(received, now), unannounced })) return;
  await write({ rows: keyedWebhookEventRows(announcements, now) });
}

// A few hundred rows per statement pair: far fewer statements than calls, and still short ones.
const ANSWERED_ROWS_PER_STATEMENT = 500;
// The answers of calls sent together arrive over a few milliseconds: waiting that long gathers them.
const GATHER_ANSWERS_MS = 5;

type Answered = { rows: AnsweredSignup[]; announcements: Announcement[] };

// One writer per store and worker: the statement is conditional on this worker's claims.
function answeredWriter({ store, workerId }: OutcomeStore): (answered: Answered) => Promise<void> {
  return store.shared(`sync:answered-signups:${workerId}`, () =>
    batchedCalls(
      async (batch: Answered[]) => {
        const now = new Date();
        const rows = batch.flatMap((answered) => answered.rows);
        await writeAnnounced(
          store,
          batch.flatMap((answered) => answered.announcements),
          now,
          (events) => writeAnsweredSignups(store, workerId, rows, events, now),
        );
        return batch.map(() => undefined);
      },
      { maxBatch: ANSWERED_ROWS_PER_STATEMENT, weight: (answered) => answered.rows.length, gatherMs: GATHER_ANSWERS_MS },
    ),
  );
}

export type RetryPolicy = {
  /** The attempt that reaches this count, failing, ends as FAILED instead of being retried. */
  giveUpAfterAttempts: number;
  /** Never retry sooner than this (HubSpot's rate-limit interval, 423's "at least 2 seconds"). */
  minDelayMs?: number;
};

/** A transient failure: counted, and tried again after an exponential, jittered delay — or given up. */
export async function recordRetryLater(owner: OutcomeStore, signups: ClaimedSignup[], reason: string, policy: RetryPolicy): Promise<void> {
  if (signups.length === 0) return;
  const now = Date.now();
  const givenUp = signups.filter((signup) => signup.attempts + 1 >= policy.giveUpAfterAttempts);
  const retried = signups.filter((signup) => signup.attempts + 1 < policy.giveUpAfterAttempts);
  const giveUpReason = (signup: ClaimedSignup) => `gave up after ${signup.attempts + 1} attempts: ${reason}`.slice(0, 500);
  const nextAttemptAt = (signup: ClaimedSignup) => new Date(now + Math.max(policy.minDelayMs ?? 0, retryDelayMs(signup.attempts + 1)));
  const at = new Date(now);
  const rows = {
    ids: signups.map((signup) => signup.id),
    lastError: reason,
    givenUp: givenUp.map((signup) => ({ id: signup.id, lastError: giveUpReason(signup) })),
    retried: retried.map((signup) => ({ id: signup.id, nextAttemptAt: nextAttemptAt(signup) })),
  };
  // A signup that ends FAILED this way is announced like one HubSpot rejected (webhook outbox).
  await writeAnnounced(
    owner.store,
    givenUp.map((signup) => ({ key: signup.id, event: signupFailedEvent(signup, giveUpReason(signup)) })),
    at,
    (events) => writeRetriedSignups(owner.store, owner.workerId, rows, events, at),
  );
}

/** Not the signup's fault (no usable connection, our own rate budget): wait without counting. */
export async function recordWaiting(owner: OutcomeStore, signups: ClaimedSignup[], delayMs: number, reason: string | null): Promise<void> {
  if (signups.length === 0) return;
  const now = new Date();
  await releaseSignupClaims(
    owner.store,
    owner.workerId,
    signups.map((signup) => signup.id),
    new Date(now.getTime() + delayMs),
    reason,
    now,
  );
}
