// One round of the sync: find the tenants with PENDING signups (a skip scan), claim a full batch
// or more for each tenant that can send (one statement per tenant), park the rest as WAITING,
// then push every batch side by side within each portal's rate budget (push-batch.ts) and record
// every outcome.
// Tenants are taken in a rotating order and each gets the same share of a pass, so a portal
// with a large backlog never starves the others.
import { NeedsReconnectError } from "@/lib/integrations/errors";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics/registry";
import { WAITING_FOR_CONNECTION_DELAY_MS } from "./backoff";
import { claimTenantSignups, RECLAIMED_MESSAGE, tenantsWithPendingSignups, type ClaimedSignup } from "./claim-signups";
import { isUsable, resolveDestinations, type Destination } from "./destination";
import { takeTurn } from "./event-loop-turns";
import { pushSignups } from "./push-batch";
import { recordRetryLater, recordWaiting } from "./record-outcomes";
import type { SyncDeps } from "./sync-deps";
import { flushSyncHealth } from "./sync-health";
import { cachedAccessToken } from "./tenant-tokens";
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
      const signups = await claimTenantSignups(deps.store, {
        workerId: deps.workerId,
        tenantId,
        limit: batchesPerTenant * settings.batchSize,
        leaseMs: settings.leaseMs,
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
  if (reclaimed > 0)
    log.warn("signup sync took over signups whose worker stopped mid-batch", { portalId: destination.portalId, signups: reclaimed });
}

async function syncTenant(deps: SyncDeps, destination: Destination, signups: ClaimedSignup[], claimedAt: number): Promise<void> {
  let accessToken: string;
  try {
    accessToken = await cachedAccessToken(deps, destination.connectionId);
  } catch (error) {
    if (error instanceof NeedsReconnectError) {
      return recordWaiting(deps, signups, WAITING_FOR_CONNECTION_DELAY_MS, WAITING_MESSAGE);
    }
    log.warn("signup sync could not get a HubSpot token", { portalId: destination.portalId, error: messageOf(error) });
    return recordRetryLater(deps, signups, `Could not get a HubSpot token: ${messageOf(error)}`, {
      giveUpAfterAttempts: deps.settings.giveUpAfterAttempts,
    });
  }
  await pushSignups(deps, destination, accessToken, signups, claimedAt);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : "unknown error";
}
