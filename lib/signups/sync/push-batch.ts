// Pushes a tenant's claimed signups to its portal in batches of ≤ 100 through the provider's
// upsertContacts, within the portal's rate budget, and records what each answer meant for each
// signup. Upsert by email is idempotent, so repeating a batch after a crash or timeout never
// creates a second contact. A batch refused as a whole for its data (HubSpot has no partial
// upserts by email) is halved until the offending signups stand alone and fail alone. A signup whose
// mapped form fields cannot go to the portal's properties now fails alone before anything is sent.
import { markNeedsReconnect } from "@/lib/integrations/connection-status";
import { forgetAccessToken } from "@/lib/integrations/tokens/access-token";
import type { ContactUpsertInput } from "@/lib/integrations/provider";
import { WAITING_FOR_CONNECTION_DELAY_MS } from "./backoff";
import { renewClaims, type ClaimedSignup } from "./claim-signups";
import type { Destination } from "./destination";
import { takeTurn } from "./event-loop-turns";
import { withMappedProperties, type ReadySignup } from "./mapped-signups";
import { recordRetryLater, recordSynced, recordWaiting } from "./record-outcomes";
import type { SyncDeps } from "./sync-deps";
import { observeReply } from "./sync-observation";
import { forgetCachedAccessToken } from "./tenant-tokens";
import { WAITING_MESSAGE } from "./waiting-signups";

const UNANSWERED = "HubSpot's answer did not mention this contact";

/** `claimedAt`: when these rows were claimed; a claim that young is not renewed before the call. */
export async function pushSignups(
  deps: SyncDeps,
  destination: Destination,
  accessToken: string,
  signups: ClaimedSignup[],
  claimedAt = 0,
): Promise<void> {
  const ready = await withMappedProperties(deps, destination, accessToken, signups);
  const batches: ReadySignup[][] = [];
  for (let start = 0; start < ready.length; start += deps.settings.batchSize) {
    batches.push(ready.slice(start, start + deps.settings.batchSize));
  }
  // Batches of one portal run side by side; the portal pacer decides how fast they leave.
  await Promise.all(batches.map((batch) => pushAndRecord(deps, destination, accessToken, batch, claimedAt)));
}

function toInput(signup: ReadySignup): ContactUpsertInput {
  // The signup id is the trace id: results are matched by it, not by the echoed email.
  return { traceId: signup.id, email: signup.email, firstName: signup.firstName, properties: signup.properties };
}

async function pushAndRecord(
  deps: SyncDeps,
  destination: Destination,
  accessToken: string,
  claimedBatch: ReadySignup[],
  claimedAt: number,
): Promise<void> {
  const { db, workerId, limiter, settings } = deps;
  // Claims first, permit last: the call leaves right after its rate slot is taken (the lease outlasts
  // the longest wait for a permit), and the slot counts from HubSpot's answer (settle). A claim
  // taken moments ago needs no renewal (one statement less per call).
  const fresh = Date.now() - claimedAt < settings.leaseMs / 2 - settings.maxRateWaitMs;
  const batch = fresh ? claimedBatch : await renewClaims(deps.store, workerId, claimedBatch, settings.leaseMs);
  if (batch.length === 0) return;
  const permit = await limiter.acquire(destination.portalId, settings.maxRateWaitMs);
  if (!permit.ok) return recordWaiting(deps, batch, permit.waitMs, null);
  const reply = await deps.crm.upsertContacts(accessToken, batch.map(toInput));
  await limiter.settle(destination.portalId, permit.takenAt);
  const { outcome, rateLimit } = reply;
  // One event-loop turn before the bookkeeping: a pass never holds the loop (event-loop-turns.ts).
  await takeTurn();
  await observeReply(deps, destination, batch, reply);
  if (rateLimit) await limiter.learn(destination.portalId, rateLimit);
  const retryLater = (signups: ReadySignup[], reason: string, minDelayMs = 0) =>
    recordRetryLater(deps, signups, reason, { giveUpAfterAttempts: settings.giveUpAfterAttempts, minDelayMs });
  switch (outcome.kind) {
    case "answered": {
      const synced = batch.flatMap((signup) => {
        const contactId = outcome.synced.get(signup.id);
        return contactId ? [{ signup, contactId }] : [];
      });
      const rejected = batch.flatMap((signup) => {
        const reason = outcome.rejected.get(signup.id);
        return reason && !outcome.synced.has(signup.id) ? [{ signup, reason }] : [];
      });
      await recordSynced(deps, destination.connectionId, synced, rejected);
      const unanswered = batch.filter((signup) => !outcome.synced.has(signup.id) && !outcome.rejected.has(signup.id));
      return retryLater(unanswered, UNANSWERED);
    }
    case "batch-rejected": {
      if (batch.length === 1)
        return recordSynced(
          deps,
          destination.connectionId,
          [],
          batch.map((signup) => ({ signup, reason: outcome.reason })),
        );
      const middle = Math.ceil(batch.length / 2);
      await Promise.all(
        [batch.slice(0, middle), batch.slice(middle)].map((half) => pushAndRecord(deps, destination, accessToken, half, 0)),
      );
      return;
    }
    case "rate-limited":
      if (outcome.daily) await limiter.pause(destination.portalId, Date.now() + outcome.waitMs);
      else await limiter.onRateLimited(destination.portalId, outcome.waitMs);
      return retryLater(batch, outcome.reason, outcome.waitMs);
    case "transient":
      return retryLater(batch, outcome.reason, outcome.minDelayMs);
    case "unexpected":
      // Says nothing about these contacts (e.g. a 404 from a wrong base URL): retried, bounded.
      return retryLater(batch, outcome.reason);
    case "token-rejected":
      // HubSpot no longer accepts the access token (expired early, revoked): make the next
      // getValidAccessToken refresh it; a revoked grant then surfaces as Needs reconnect.
      forgetCachedAccessToken(deps, destination.connectionId);
      await forgetAccessToken(db, destination.connectionId);
      return retryLater(batch, outcome.reason);
    case "missing-scope":
      await markNeedsReconnect(db, destination.connectionId, outcome.reason);
      // markNeedsReconnect also parks the tenant's other PENDING signups as WAITING.
      return recordWaiting(deps, batch, WAITING_FOR_CONNECTION_DELAY_MS, WAITING_MESSAGE);
  }
}
