// One round of the sync: claim due signups, group them by tenant (→ destination portal), push
// them in batches of ≤ 100 within the portal's rate budget, and record every outcome.
import { NeedsReconnectError } from "@/lib/integrations/errors";
import { markNeedsReconnect } from "@/lib/integrations/connection-status";
import { forgetAccessToken } from "@/lib/integrations/connection-tokens";
import { WAITING_FOR_CONNECTION_DELAY_MS } from "./backoff";
import { claimDueSignups, renewClaims, type ClaimedSignup } from "./claim-signups";
import { resolveDestination, type Destination } from "./destination";
import { pushBatch } from "./push-batch";
import { recordRetryLater, recordSynced, recordWaiting } from "./record-outcomes";
import type { SyncDeps } from "./sync-deps";
import type { Client } from "@hubspot/api-client";

const RECONNECT_MESSAGE = "Waiting: HubSpot needs to be reconnected on the integrations page";

export async function runSyncPass(deps: SyncDeps): Promise<{ claimed: number }> {
  const { settings } = deps;
  const claimed = await claimDueSignups(deps.db, deps.provider, {
    workerId: deps.workerId,
    limit: settings.batchSize * settings.batchesPerPass,
    leaseMs: settings.leaseMs,
  });
  const byTenant = new Map<string, ClaimedSignup[]>();
  for (const signup of claimed) byTenant.set(signup.tenantId, [...(byTenant.get(signup.tenantId) ?? []), signup]);
  await Promise.all([...byTenant].map(([tenantId, signups]) => syncTenant(deps, tenantId, signups)));
  return { claimed: claimed.length };
}

async function syncTenant(deps: SyncDeps, tenantId: string, signups: ClaimedSignup[]): Promise<void> {
  const destination = await resolveDestination(deps.db, tenantId);
  if (!destination || destination.status === "NEEDS_RECONNECT") {
    return recordWaiting(deps.db, deps.workerId, signups, WAITING_FOR_CONNECTION_DELAY_MS, RECONNECT_MESSAGE);
  }
  let client: Client;
  try {
    client = deps.apiClient(await deps.accessToken(deps.db, destination.connectionId));
  } catch (error) {
    if (error instanceof NeedsReconnectError) {
      return recordWaiting(deps.db, deps.workerId, signups, WAITING_FOR_CONNECTION_DELAY_MS, RECONNECT_MESSAGE);
    }
    return recordRetryLater(deps.db, deps.workerId, signups, `Could not get a HubSpot token: ${messageOf(error)}`);
  }
  const batches: ClaimedSignup[][] = [];
  for (let start = 0; start < signups.length; start += deps.settings.batchSize) {
    batches.push(signups.slice(start, start + deps.settings.batchSize));
  }
  // Batches of one portal run side by side; the portal limiter decides how fast they leave.
  await Promise.all(batches.map((batch) => pushAndRecord(deps, destination, client, batch)));
}

async function pushAndRecord(deps: SyncDeps, destination: Destination, client: Client, claimedBatch: ClaimedSignup[]): Promise<void> {
  const { db, workerId, limiter, settings } = deps;
  const permit = await limiter.acquire(destination.portalId, settings.maxRateWaitMs);
  if (!permit.ok) return recordWaiting(db, workerId, claimedBatch, permit.waitMs, null);
  const batch = await renewClaims(db, workerId, claimedBatch, settings.leaseMs);
  if (batch.length === 0) return;
  const outcome = await pushBatch(client, batch, settings.requestTimeoutMs);
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
      await forgetAccessToken(db, destination.connectionId);
      return recordRetryLater(db, workerId, batch, outcome.reason);
    case "missing-scope":
      await markNeedsReconnect(db, destination.connectionId, outcome.reason);
      return recordWaiting(db, workerId, batch, WAITING_FOR_CONNECTION_DELAY_MS, RECONNECT_MESSAGE);
    case "batch-rejected":
      // The whole batch was refused; halve it until the culprit stands alone and fails alone.
      if (batch.length === 1) return recordSynced(db, workerId, destination.connectionId, [], batch.map((signup) => ({ signup, reason: outcome.reason })));
    {
      const middle = Math.ceil(batch.length / 2);
      await pushAndRecord(deps, destination, client, batch.slice(0, middle));
      await pushAndRecord(deps, destination, client, batch.slice(middle));
      return;
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : "unknown error";
}
