// Per connection and hour: contacts synced, contacts failed, rate-limit pauses. One upsert per
// batch outcome; the connection card sums the last 24 rows (lib/integrations/view/sync-health.ts).
import type { Db } from "@/lib/db/create-client";

export interface HealthDelta {
  synced: number;
  failed: number;
  rateLimited: number;
}

export function hourOf(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 3_600_000) * 3_600_000);
}

export async function recordSyncHealth(db: Db, connectionId: string, delta: HealthDelta, now = new Date()): Promise<void> {
  if (delta.synced === 0 && delta.failed === 0 && delta.rateLimited === 0) return;
  await db.$executeRaw`
    INSERT INTO "SyncHealthHour" ("connectionId", "hour", "synced", "failed", "rateLimited")
    SELECT ${connectionId}, ${hourOf(now)}, ${delta.synced}, ${delta.failed}, ${delta.rateLimited}
    -- A connection deleted (disconnected) meanwhile has no card left to show this on.
    WHERE EXISTS (SELECT 1 FROM "Connection" WHERE "id" = ${connectionId})
    ON CONFLICT ("connectionId", "hour") DO UPDATE SET
      "synced" = "SyncHealthHour"."synced" + ${delta.synced},
      "failed" = "SyncHealthHour"."failed" + ${delta.failed},
      "rateLimited" = "SyncHealthHour"."rateLimited" + ${delta.rateLimited}`;
}
