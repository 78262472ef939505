// The real collaborators of the sync: tokens from the connections layer, the SDK client aimed at
// HUBSPOT_API_BASE_URL. Tests and the bench use the same wiring against the simulator.
import type { Db } from "@/lib/db/create-client";
import { databaseProvider } from "@/lib/db/database-url";
import { getValidAccessToken } from "@/lib/integrations/connection-tokens";
import { hubspotClient } from "@/lib/integrations/hubspot/client";
import type { SyncWorkerOptions } from "./sync-worker";

export function productionSyncOptions(db: Db, databaseUrl: string): SyncWorkerOptions {
  return {
    db,
    provider: databaseProvider(databaseUrl),
    accessToken: (database, connectionId) => getValidAccessToken(database, connectionId),
    apiClient: hubspotClient,
  };
}
