// One round of the sync: the next tenants with PENDING signups in round-robin order (a skip scan
// that reads as many index entries as tenants it returns), park those without a usable destination,
// claim a full batch or more for each of the others (many tenants per statement), look up the
// tokens the pass lacks (one query), then push every batch side by side within each portal's rate
// budget (push-batch.ts) and record every outcome. What a pass costs thus follows its tenants' calls,
// not how many tenants the platform has: a thousand small tenants share a handful of statements.
// Each tenant gets the same share of a pass, so a portal with a large backlog never starves the others.
import { NeedsReconnectError } from "@/lib/integrations/errors";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics/registry";
import { WAITING_FOR_CONNECTION_DELAY_MS } from "./backoff";
import { claimSignupsOfTenants, RECLAIMED_MESSAGE, tenantsWithPendingSignups, type ClaimedSignup } from "./claim-signups";
import { isUsable, resolveDestinations, type Destination } from "./destination";
import { takeTurn } from "./event-loop-turns";
import { pushSignups } from "./push-batch";
import { recordRetryLater, recordWaiting } from "./record-outcomes";
import type { SyncDeps } from "./sync-deps";
import { flushSyncHealth } from "./sync-health";
import { cachedAccessTokens, type TokenLookup } from "./tenant-tokens";
import { parkPendingSignups, WAITING_MESSAGE } from "./waiting-signups";

// Where the previous pass stopped, per worker: the next one starts after it (round robin).
const cursors = new WeakMap<SyncDeps, string>();

export async function runSyncPass(deps: SyncDeps): Promise<{ claimed: number }> {
  const { db, settings } = deps;
  const chosen = await tenantsWithPendingSignups(db, { after: cursors.get(deps), limit: settings.maxBatchesPerPass });
  if (chosen.length === 0) {
    // Idle: a good moment to write the health figures gathered in memory.
    await flushSyncHealth(deps);
    return { claimed: 0 };
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
  const claimedAt = Date.now();
  const claims = await claimSignupsOfTenants(deps.store, {
    workerId: deps.workerId,
    tenantIds: [...usable.keys()],
    limit: batchesPerTenant * settings.batchSize,
    leaseMs: settings.leaseMs,
    between: takeTurn,
  });
  if (claims.size === 0) {
    await flushSyncHealth(deps);
    return { claimed: 0 };
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
  return { claimed };
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
