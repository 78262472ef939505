// One round of the sync: claim due signups, group them by tenant (→ destination portal), push
// them (push-batch.ts: batches of ≤ 100 within the portal's rate budget) and record every outcome.
import { NeedsReconnectError } from "@/lib/integrations/errors";
import { WAITING_FOR_CONNECTION_DELAY_MS } from "./backoff";
import { claimDueSignups, type ClaimedSignup } from "./claim-signups";
import { resolveDestination } from "./destination";
import { pushSignups, RECONNECT_MESSAGE } from "./push-batch";
import { recordRetryLater, recordWaiting } from "./record-outcomes";
import type { SyncDeps } from "./sync-deps";

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
  let accessToken: string;
  try {
    accessToken = await deps.accessToken(deps.db, destination.connectionId);
  } catch (error) {
    if (error instanceof NeedsReconnectError) {
      return recordWaiting(deps.db, deps.workerId, signups, WAITING_FOR_CONNECTION_DELAY_MS, RECONNECT_MESSAGE);
    }
    return recordRetryLater(deps.db, deps.workerId, signups, `Could not get a HubSpot token: ${messageOf(error)}`, {
      giveUpAfterAttempts: deps.settings.giveUpAfterAttempts,
    });
  }
  await pushSignups(deps, destination, accessToken, signups);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : "unknown error";
}
