// The real collaborators of the sync: tokens from the connections layer, contacts pushed through
// the provider seam (HubSpot, aimed at HUBSPOT_API_BASE_URL), and the give-up limit from the
// validated configuration. Tests and the bench use the same wiring against the simulator.
import type { Db } from "@/lib/db/create-client";
import { databaseProvider } from "@/lib/db/database-url";
import { serverEnv } from "@/lib/env/server";
import { getValidAccessToken } from "@/lib/integrations/tokens/access-token";
import { contactSyncProviderFromEnv } from "@/lib/integrations/registry";
import { attemptsSpanning } from "./backoff";
import type { ContactSync } from "./sync-deps";
import type { SyncWorkerOptions } from "./sync-worker";

export function productionSyncOptions(db: Db, databaseUrl: string): SyncWorkerOptions {
  // Built on first use: a worker may start (and idle) before HubSpot's client id is configured.
  let crm: ContactSync | undefined;
  return {
    db,
    provider: databaseProvider(databaseUrl),
    accessToken: (database, connectionId) => getValidAccessToken(database, connectionId),
    crm: {
      upsertContacts: (accessToken, batch) => {
        crm ??= contactSyncProviderFromEnv(serverEnv().SYNC_REQUEST_TIMEOUT_MS);
        return crm.upsertContacts(accessToken, batch);
      },
    },
    settings: {
      giveUpAfterAttempts: attemptsSpanning(serverEnv().SYNC_GIVE_UP_AFTER_HOURS * 3_600_000),
      // Up to a whole rate window (10 s + guard): waiting in-process for the portal's next slot is
      // far cheaper than handing the rows back and re-claiming the backlog pass after pass.
      maxRateWaitMs: 11_000,
    },
  };
}
