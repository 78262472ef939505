// The sync-health statement: adds one connection-hour's counts (contacts synced, failed, rate-limit
// pauses) to its row, creating it if needed. How often the sync writes (it sums in memory first) is
// decided in lib/signups/sync/sync-health.ts.
import type { Db } from "../create-client";

export type HealthCounts = { synced: number; failed: number; rateLimited: number };

export async function addSyncHealth(db: Db, connectionId: string, hour: Date, counts: HealthCounts): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "SyncHealthHour" ("connectionId", "hour", "synced", "failed", "rateLimited")
    SELECT ${connectionId}, ${hour}, ${counts.synced}, ${counts.failed}, ${counts.rateLimited}
    -- A connection deleted (disconnected) meanwhile has no card left to show this on.
    WHERE EXISTS (SELECT 1 FROM "Connection" WHERE "id" = ${connectionId})
    ON CONFLICT ("connectionId", "hour") DO UPDATE SET
      "synced" = "SyncHealthHour"."synced" + ${counts.synced},
      "failed" = "SyncHealthHour"."failed" + ${counts.failed},
      "rateLimited" = "SyncHealthHour"."rateLimited" + ${counts.rateLimited}`;
}
