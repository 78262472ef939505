// The last 24 hours of signup sync per connection, for the line on each connection card: contacts
// synced, contacts failed, rate-limit pauses. At most 24 rows per connection (one per hour, kept
// by the sync in lib/signups/sync/sync-health.ts), whatever the signup volume.
import type { Db } from "@/lib/db/create-client";

export interface SyncHealth {
  synced: number;
  failed: number;
  rateLimited: number;
}

const DAY_MS = 24 * 3_600_000;

export async function loadSyncHealth(db: Db, connectionIds: string[], now = new Date()): Promise<Map<string, SyncHealth>> {
  const rows = await db.syncHealthHour.groupBy({
    by: ["connectionId"],
    where: { connectionId: { in: connectionIds }, hour: { gt: new Date(now.getTime() - DAY_MS) } },
    _sum: { synced: true, failed: true, rateLimited: true },
  });
  const health = new Map<string, SyncHealth>(connectionIds.map((id) => [id, { synced: 0, failed: 0, rateLimited: 0 }]));
  for (const row of rows) {
    health.set(row.connectionId, { synced: row._sum.synced ?? 0, failed: row._sum.failed ?? 0, rateLimited: row._sum.rateLimited ?? 0 });
  }
  return health;
}
