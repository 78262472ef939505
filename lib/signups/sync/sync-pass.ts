// One round of the sync: the next tenants with PENDING signups in round-robin order (a skip scan
// that reads as many index entries as tenants it returns), park those without a usable destination,
// claim a full batch or more for each of the others (many tenants per statement), look up the
// tokens the pass lacks (one query), then push every batch side by side within each portal's rate
// budget (push-batch.ts) and record every outcome. What a pass costs thus follows its tenants' calls,
// not how many tenants the platform has: a thousand small tenants share a handful of statements.
// Each tenant gets the same share of a pass, and a portal at its rate limit is not claimed for until
// its next slot is near, so a portal with a large backlog never holds up (or starves) the others.
import { NeedsReconnectError } from "@/lib/integrations/errors";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics/registry";
import { WAITING_FOR_CONNECTION_DELAY_MS } from "./backoff";
import { claimSignupsOfTenants, RECLAIMED_MESSAGE, tenantsWithPendingSignups, type ClaimedSignup } from "./claim-signups";
import { isUsable, resolveDestinations, type Destination } from "./destination";
import { takeTurn } from "./event-loop-turns";
import { pushSignups } from "./push-batch";
import { recordRetryLater, recordWaiting } from "./record-outcomes";
import { randomRoundRobinStart } from "./round-robin-start";
import type { SyncDeps } from "./sync-deps";
import { flushSyncHealth } from "./sync-health";
import { cachedAccessTokens, type TokenLookup } from "./tenant-tokens";
import { parkPendingSignups, WAITING_MESSAGE } from "./waiting-signups";

// Where the previous pass stopped, per worker: the next one starts after it (round robin).
const cursors = new WeakMap<SyncDeps, string>();

// A portal is claimed for only if its slot frees within this long (see runSyncPass).
const READY_WITHIN_MS = 500;

/** `deferred`: tenants with due signups left for a later pass because their portal is at its limit. */
export async function runSyncPass(deps: SyncDeps): Promise<{ claimed: number; deferred: number }> {
  const { db, settings } = deps;
  if (!cursors.has(deps)) {
    const start = await randomRoundRobinStart(db);
    if (start !== undefined) cursors.set(deps, start);
  }
  const chosen = await tenantsWithPendingSignups(db, { after: cursors.get(deps), limit: settings.maxBatchesPerPass });
  if (chosen.length === 0) {
    // Idle: a good moment to write the health figures gathered in memory.
    await flushSyncHealth(deps);
    return { claimed: 0, deferred: 0 };
  }
  cursors.set(deps, chosen[chosen.length - 1]!);
  const batchesPerTenant = Math.max(1, Math.min(settings.batchesPerPass, Math.floor(settings.maxBatchesPerPass / chosen.length)));
  const destinations = await resolveDestinations(db, chosen);
  const usable = new Map<string, Destination>();
  for (const tenantId of chosen) {
    const destination = destinations.get(tenantId);
    if (isUsable(destination)) usable.set(tenantId, destination);
    else {
      // One tenant's parking per event-loop turn: a pass never holds the loop (see event-loop-turns.ts).
      await takeTurn();
      await parkPendingSignups(db, tenantId);
    }
  }
  // As many batches per tenant as its portal can take soon: a pass waits for all its calls, so rows
  // claimed for a portal at its limit would hold up every tenant of the pass (and, with every pass
  // in flight waiting on it, tenants whose signups arrive meanwhile). Such a portal is left for a
  // later pass — unless it is paused for longer than the sync waits at all (a spent daily allowance):
  // then its rows are claimed to be handed back until the pause ends, where no pass looks at them.
  const byBatches = new Map<number, string[]>();
  let deferred = 0;
  for (const [tenantId, destination] of usable) {
    const ready = deps.limiter.readyWithin(destination.portalId, READY_WITHIN_MS);
    const paused = ready === 0 && deps.limiter.waitBeforeNext(destination.portalId) > settings.maxRateWaitMs;
    const batches = paused ? batchesPerTenant : Math.min(batchesPerTenant, ready);
    if (batches === 0) deferred++;
    else byBatches.set(batches, [...(byBatches.get(batches) ?? []), tenantId]);
  }
  const claimedAt = Date.now();
  const claims = new Map<string, ClaimedSignup[]>();
  for (const [batches, tenantIds] of byBatches) {
    if (claims.size > 0) await takeTurn();
    const claimed = await claimSignupsOfTenants(deps.store, {
      workerId: deps.workerId,
      tenantIds,
      limit: batches * settings.batchSize,
      leaseMs: settings.leaseMs,
      between: takeTurn,
    });
    for (const [tenantId, signups] of claimed) claims.set(tenantId, signups);
  }
  if (claims.size === 0) {
    await flushSyncHealth(deps);
    return { claimed: 0, deferred };
  }
  const tokens = await cachedAccessTokens(
    deps,
    [...claims.keys()].map((tenantId) => usable.get(tenantId)!.connectionId),
  );
  let claimed = 0;
  // Every tenant's batches leave together: their rate slots are taken in one statement, their
  // outcomes written in a few (shared-portal-budget.ts, record-outcomes.ts).
  await Promise.all(
    [...claims].map(([tenantId, signups]) => {
      const destination = usable.get(tenantId)!;
      claimed += signups.length;
      observeClaims(signups, destination);
      return syncTenant(deps, destination, signups, tokens.get(destination.connectionId)!, claimedAt);
    }),
  );
  return { claimed, deferred };
}

function observeClaims(signups: ClaimedSignup[], destination: Destination): void {
  const now = Date.now();
  let reclaimed = 0;
  for (const signup of signups) {
    if (signup.attempts === 0) metrics().claimLag.observe((now - signup.createdAt.getTime()) / 1000);
    if (signup.lastError === RECLAIMED_MESSAGE) reclaimed++;
  }
  if (reclaimed > 0)
    log.warn("signup sync took over signups whose worker stopped mid-batch", { portalId: destination.portalId, signups: reclaimed });
}

async function syncTenant(
  deps: SyncDeps,
  destination: Destination,
  signups: ClaimedSignup[],
  token: TokenLookup,
  claimedAt: number,
): Promise<void> {
  if (token.ok) return pushSignups(deps, destination, token.accessToken, signups, claimedAt);
  const { error } = token;
  if (error instanceof NeedsReconnectError) {
    return recordWaiting(deps, signups, WAITING_FOR_CONNECTION_DELAY_MS, WAITING_MESSAGE);
  }
  log.warn("signup sync could not get a HubSpot token", { portalId: destination.portalId, error: messageOf(error) });
  return recordRetryLater(deps, signups, `Could not get a HubSpot token: ${messageOf(error)}`, {
    giveUpAfterAttempts: deps.settings.giveUpAfterAttempts,
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : "unknown error";
}
