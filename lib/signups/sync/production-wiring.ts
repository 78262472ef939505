// The real collaborators of the sync: tokens from the connections layer, contacts pushed through
// the provider seam, and the give-up limit from the configuration. Tests and the bench use the same
// wiring against the simulator.
import type { Db } from "@/lib/db/create-client";
import { databaseProvider } from "@/lib/db/database-url";
import type { ServerEnv } from "@/lib/env/server";
import { getValidAccessToken } from "@/lib/integrations/connection-tokens";
import type { IntegrationProvider } from "@/lib/integrations/provider";
import type { IntegrationServices } from "@/lib/integrations/services";
import { attemptsSpanning } from "./backoff";
import type { SyncWorkerOptions } from "./sync-worker";

export type SyncWiring = {
  db: Db;
  databaseUrl: string;
  env: Pick<ServerEnv, "SYNC_GIVE_UP_AFTER_HOURS" | "SYNC_BATCH_SIZE" | "SYNC_LEASE_SECONDS" | "SYNC_IDLE_POLL_MS" | "SYNC_PORTAL_REQUESTS_PER_10S">;
  integrations: IntegrationServices;
  /** Built on first use: a worker may start (and idle) before HubSpot's client id is configured. */
  contactSync: () => IntegrationProvider;
};

export function productionSyncOptions({ db, databaseUrl, env, integrations, contactSync }: SyncWiring): SyncWorkerOptions {
  return {
    db,
    provider: databaseProvider(databaseUrl),
    accessToken: (database, connectionId) => getValidAccessToken(database, connectionId, integrations),
    crm: { upsertContacts: (accessToken, batch) => contactSync().upsertContacts(accessToken, batch) },
    settings: {
      batchSize: env.SYNC_BATCH_SIZE,
      leaseMs: env.SYNC_LEASE_SECONDS * 1000,
      idlePollMs: env.SYNC_IDLE_POLL_MS,
      portalRequestsPer10s: env.SYNC_PORTAL_REQUESTS_PER_10S,
      giveUpAfterAttempts: attemptsSpanning(env.SYNC_GIVE_UP_AFTER_HOURS * 3_600_000),
      // Up to a whole rate window (10 s + guard): waiting in-process for the portal's next slot is
      // far cheaper than handing the rows back and re-claiming the backlog pass after pass.
      maxRateWaitMs: 11_000,
    },
  };
}
