// The sync-health statement: adds connection-hours' counts (contacts synced, failed, rate-limit
// pauses) to their rows, creating them if needed — every connection a worker gathered figures for,
// in one statement. How often the sync writes (it sums in memory first) is decided in
// lib/signups/sync/sync-health.ts.
import { Prisma } from "../generated/sqlite/client";
import type { Store } from "../store";

export type HealthCounts = { synced: number; failed: number; rateLimited: number };

/** One row per (connection, hour), each pair named once. */
export type HealthRow = HealthCounts & { connectionId: string; hour: Date };

export async function addSyncHealth(store: Store, rows: readonly HealthRow[]): Promise<void> {
  if (rows.length === 0) return;
  const { dialect } = store;
  const counts = dialect.jsonRows(
    ["connectionId", "hour", "synced", "failed", "rateLimited"],
    rows.map((row) => [row.connectionId, dialect.jsonTimestamp(row.hour), String(row.synced), String(row.failed), String(row.rateLimited)]),
  );
  const number = (column: string) => dialect.asInteger(Prisma.raw(`r."${column}"`));
  await store.db.$executeRaw`
    INSERT INTO "SyncHealthHour" ("connectionId", "hour", "synced", "failed", "rateLimited")
    SELECT r."connectionId", ${dialect.asTimestamp(Prisma.sql`r."hour"`)}, ${number("synced")}, ${number("failed")}, ${number("rateLimited")}
    FROM ${counts} AS r
    -- A connection deleted (disconnected) meanwhile has no card left to show this on.
    WHERE EXISTS (SELECT 1 FROM "Connection" c WHERE c."id" = r."connectionId")
    ON CONFLICT ("connectionId", "hour") DO UPDATE SET
      "synced" = "SyncHealthHour"."synced" + excluded."synced",
      "failed" = "SyncHealthHour"."failed" + excluded."failed",
      "rateLimited" = "SyncHealthHour"."rateLimited" + excluded."rateLimited"`;
}
