// One round of the sync: find the tenants with PENDING signups (a skip scan), claim a full batch
// or more for each tenant that can send (one statement per tenant), park the rest as WAITING,
// then push every batch side by side within each portal's rate budget and record every outcome.
// Tenants are taken in a rotating order and each gets the same share of a pass, so a portal
// with a large backlog never starves the others.
import type { Client } from "@hubspot/api-client";
import { NeedsReconnectError } from "@/lib/integrations/errors";
import { markNeedsReconnect } from "@/lib/integrations/connection-status";
import { forgetAccessToken } from "@/lib/integrations/connection-tokens";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics/registry";
import { WAITING_FOR_CONNECTION_DELAY_MS } from "./backoff";
import { claimTenantSignups, RECLAIMED_MESSAGE, renewClaims, tenantsWithPendingSignups, type ClaimedSignup } from "./claim-signups";
import { isUsable, resolveDestinations, type Destination } from "./destination";
import { takeTurn } from "./event-loop-turns";
import { describeOutcome } from "./outcome-summary";
import { pushBatch, type BatchOutcome } from "./push-batch";
import { recordRetryLater, recordSynced, recordWaiting } from "./record-outcomes";
import type { SyncDeps } from "./sync-deps";
import { flushSyncHealth, recordSyncHealth } from "./sync-health";
import { clientFor, forgetClient } from "./tenant-clients";
import { parkPendingSignups, WAITING_MESSAGE } from "./waiting-signups";

// Where the previous pass stopped, per worker: the next one starts after it (round robin).
const cursors = new WeakMap<SyncDeps, string>();

export async function runSyncPass(deps: SyncDeps): Promise<{ claimed: number }> {
  const { db, settings } = deps;
  const tenants = rotateAfter(await tenantsWithPendingSignups(db), cursors.get(deps));
  if (tenants.length === 0) {
    // Idle: a good moment to write the health figures gathered in memory.
    await flushSyncHealth(deps);
    return { claimed: 0 };
  }
  const chosen = tenants.slice(0, settings.maxBatchesPerPass);
  cursors.set(deps, chosen[chosen.length - 1]!);
  const batchesPerTenant = Math.max(1, Math.min(settings.batchesPerPass, Math.floor(settings.maxBatchesPerPass / chosen.length)));
  const destinations = await resolveDestinations(db, chosen);
  let claimed = 0;
  // Each tenant's batches leave as soon as its own claim is in: no tenant waits for the others'
  // claims (on PostgreSQL they run side by side; on SQLite they queue for the one writer anyway).
  await Promise.all(
    chosen.map(async (tenantId) => {
      // One tenant's claim per event-loop turn: a pass never holds the loop (see event-loop-turns.ts).
      await takeTurn();
      const destination = destinations.get(tenantId);
      if (!isUsable(destination)) {
        await parkPendingSignups(db, tenantId);
        return;
      }
      const claimedAt = Date.now();
      const signups = await claimTenantSignups(db, deps.provider, {
        workerId: deps.workerId, tenantId, limit: batchesPerTenant * settings.batchSize, leaseMs: settings.leaseMs,
      });
      if (signups.length === 0) return;
      claimed += signups.length;
      observeClaims(signups, destination);
      await syncTenant(deps, destination, signups, claimedAt);
    }),
  );
  if (claimed === 0) await flushSyncHealth(deps);
  return { claimed };
}

function rotateAfter(tenantIds: string[], cursor: string | undefined): string[] {
  if (!cursor) return tenantIds;
  const start = tenantIds.findIndex((id) => id > cursor);
  return start <= 0 ? tenantIds : [...tenantIds.slice(start), ...tenantIds.slice(0, start)];
}

function observeClaims(signups: ClaimedSignup[], destination: Destination): void {
  const now = Date.now();
  let reclaimed = 0;
  for (const signup of signups) {
    if (signup.attempts === 0) metrics().claimLag.observe((now - signup.createdAt.getTime()) / 1000);
    if (signup.lastError === RECLAIMED_MESSAGE) reclaimed++;
  }
  if (reclaimed > 0) log.warn("signup sync took over signups whose worker stopped mid-batch", { portalId: destination.portalId, signups: reclaimed });
}

async function syncTenant(deps: SyncDeps, destination: Destination, signups: ClaimedSignup[], claimedAt: number): Promise<void> {
  let client: Client;
  try {
    client = await clientFor(deps, destination.connectionId);
  } catch (error) {
    if (error instanceof NeedsReconnectError) {
      return recordWaiting(deps.db, deps.workerId, signups, WAITING_FOR_CONNECTION_DELAY_MS, WAITING_MESSAGE);
    }
    log.warn("signup sync could not get a HubSpot token", { portalId: destination.portalId, error: messageOf(error) });
    return recordRetryLater(deps.db, deps.workerId, signups, `Could not get a HubSpot token: ${messageOf(error)}`);
  }
  const batches: ClaimedSignup[][] = [];
  for (let start = 0; start < signups.length; start += deps.settings.batchSize) {
    batches.push(signups.slice(start, start + deps.settings.batchSize));
  }
  // Batches of one portal run side by side; the portal limiter decides how fast they leave.
  await Promise.all(batches.map((batch) => pushAndRecord(deps, destination, client, batch, claimedAt)));
}

async function pushAndRecord(deps: SyncDeps, destination: Destination, client: Client, claimedBatch: ClaimedSignup[], claimedAt: number): Promise<void> {
  const { db, workerId, limiter, settings } = deps;
  const permit = await limiter.acquire(destination.portalId, settings.maxRateWaitMs);
  if (!permit.ok) return recordWaiting(db, workerId, claimedBatch, permit.waitMs, null);
  // A claim taken moments ago cannot have lapsed: renew (one more statement) only after a wait
  // for a token or a rate slot ate into the lease.
  const batch = Date.now() - claimedAt < settings.leaseMs / 2 ? claimedBatch : await renewClaims(db, workerId, claimedBatch, settings.leaseMs);
  if (batch.length === 0) return;
  const outcome = await pushBatch(client, batch, settings.requestTimeoutMs);
  await takeTurn();
  await observeOutcome(deps, destination, batch, outcome);
  switch (outcome.kind) {
    case "done": {
      const synced = batch.flatMap((signup) => {
        const contactId = outcome.synced.get(signup.emailNormalized);
        return contactId ? [{ signup, contactId }] : [];
      });
      const rejected = batch.flatMap((signup) => {
        const reason = outcome.rejected.get(signup.emailNormalized);
        return reason && !outcome.synced.has(signup.emailNormalized) ? [{ signup, reason }] : [];
      });
      await recordSynced(db, workerId, destination.connectionId, synced, rejected);
      if (outcome.unanswered.length > 0) {
        await recordRetryLater(db, workerId, outcome.unanswered, "HubSpot's answer did not mention this contact");
      }
      return;
    }
    case "rate-limited":
      await limiter.onRateLimited(destination.portalId, outcome.retryAfterMs);
      return recordWaiting(db, workerId, batch, outcome.retryAfterMs, "HubSpot rate limit reached; retrying shortly");
    case "transient":
      return recordRetryLater(db, workerId, batch, outcome.reason);
    case "unauthorized":
      // HubSpot no longer accepts the access token (expired early, revoked): make the next
      // getValidAccessToken refresh it; a revoked grant then surfaces as Needs reconnect.
      forgetClient(deps, destination.connectionId);
      await forgetAccessToken(db, destination.connectionId);
      return recordRetryLater(db, workerId, batch, outcome.reason);
    case "missing-scope":
      // markNeedsReconnect also parks the tenant's other PENDING signups as WAITING.
      await markNeedsReconnect(db, destination.connectionId, outcome.reason);
      return recordWaiting(db, workerId, batch, WAITING_FOR_CONNECTION_DELAY_MS, WAITING_MESSAGE);
    case "batch-rejected":
      // The whole batch was refused; halve it until the culprit stands alone and fails alone.
      if (batch.length === 1) return recordSynced(db, workerId, destination.connectionId, [], batch.map((signup) => ({ signup, reason: outcome.reason })));
    {
      const middle = Math.ceil(batch.length / 2);
      await pushAndRecord(deps, destination, client, batch.slice(0, middle), claimedAt);
      await pushAndRecord(deps, destination, client, batch.slice(middle), claimedAt);
      return;
    }
  }
}

// Where a batch's outcome is known: count it, keep the connection's hourly health, and put every
// failure in the log (portal, status, category, attempt: never a token, an email or HubSpot's text).
async function observeOutcome(deps: SyncDeps, destination: Destination, batch: ClaimedSignup[], outcome: BatchOutcome): Promise<void> {
  const summary = describeOutcome(outcome);
  const counters = metrics();
  counters.syncCalls.inc({ status: summary.status });
  const synced = outcome.kind === "done" ? outcome.synced.size : 0;
  const failed = outcome.kind === "done" ? batch.filter((signup) => outcome.rejected.has(signup.emailNormalized) && !outcome.synced.has(signup.emailNormalized)).length : 0;
  counters.contactsSynced.inc(synced);
  counters.contactsFailed.inc(failed);
  if (outcome.kind === "rate-limited") counters.rateLimitPauses.inc();
  if (outcome.kind !== "done") {
    const attempt = Math.max(...batch.map((signup) => signup.attempts)) + 1;
    log.warn("HubSpot sync call failed", { portalId: destination.portalId, status: summary.status, category: summary.category, attempt, contacts: batch.length });
  }
  const failedCalls = outcome.kind === "done" || outcome.kind === "rate-limited" ? 0 : 1;
  await recordSyncHealth(deps, destination.connectionId, {
    synced,
    failed: failed + failedCalls * batch.length,
    rateLimited: outcome.kind === "rate-limited" ? 1 : 0,
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : "unknown error";
}
