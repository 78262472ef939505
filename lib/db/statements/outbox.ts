// The webhook outbox's event statements: events written in one INSERT with the change they report,
// and fan-out (events not yet turned into deliveries). Which events go to which endpoint is decided
// in lib/webhooks/fan-out.ts; the deliveries' own statements are in outbox-deliveries.ts.
import type { Db } from "../create-client";
import type { Dialect } from "../dialect";
import { Prisma } from "../generated/sqlite/client";
import { newRowId } from "../row-id";
import type { Store } from "../store";

/** An outbox row as the INSERT takes it; `key` ties it to the row it reports (for `keep`). */
export type OutboxRow = { id: string; tenantId: string | null; type: string; payload: string; key: string | null };

/** The events as one INSERT (its rows in one parameter); with `keep`, only rows whose e."key" passes. */
export function insertWebhookEventsSql(dialect: Dialect, rows: readonly OutboxRow[], now: Date, keep?: Prisma.Sql): Prisma.Sql {
  const values = rows.map((row) => [row.id, row.tenantId, row.type, row.payload, row.key] as const);
  return Prisma.sql`INSERT INTO "WebhookEvent" ("id", "tenantId", "type", "payload", "createdAt")
    SELECT e."id", e."tenantId", e."type", e."payload", ${now} FROM ${dialect.jsonRows(["id", "tenantId", "type", "payload", "key"], values)} AS e
    ${keep ? Prisma.sql`WHERE ${keep}` : Prisma.empty}`;
}

export type UnfannedEvent = { id: string; tenantId: string | null; type: string; createdAt: Date };

/** The oldest events not fanned out yet, straight from the (fannedOutAt, createdAt) index. */
export async function selectUnfannedEvents(db: Db, limit: number): Promise<UnfannedEvent[]> {
  return db.$queryRaw<UnfannedEvent[]>`
    SELECT "id", "tenantId", "type", "createdAt" FROM "WebhookEvent"
    WHERE "fannedOutAt" IS NULL ORDER BY "fannedOutAt", "createdAt" LIMIT ${limit}`;
}

/** Marks events fanned out; only those still open, so a second worker writes nothing twice. */
export async function markEventsFannedOut(store: Store, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  // By primary key (dialect.byPrimaryKey): with statistics from when the table was small, SQLite
  // scanned every event for each 200 ids — a third of the sync worker's CPU at 200,000 events.
  await store.db.$executeRaw`UPDATE "WebhookEvent" ${store.dialect.byPrimaryKey("WebhookEvent")} SET "fannedOutAt" = ${now}
    WHERE "id" IN (${Prisma.join(ids)}) AND "fannedOutAt" IS NULL`;
}

/**
 * One delivery per (event, endpoint) pair, due when its event happened, in one statement; pairs that
 * exist already (another worker fanned the same event out) are skipped.
 */
export async function insertDeliveries(store: Store, pairs: readonly { eventId: string; endpointId: string }[], now: Date): Promise<void> {
  if (pairs.length === 0) return;
  const rows = store.dialect.jsonRows(
    ["id", "eventId", "endpointId"],
    pairs.map((pair) => [newRowId(), pair.eventId, pair.endpointId]),
  );
  await store.db.$executeRaw`
    INSERT INTO "WebhookDelivery" ("id", "eventId", "endpointId", "nextAttemptAt", "createdAt", "updatedAt")
    SELECT r."id", r."eventId", r."endpointId", ev."createdAt", ${now}, ${now}
    FROM ${rows} AS r JOIN "WebhookEvent" ev ON ev."id" = r."eventId"
    -- (WHERE true: SQLite needs it to read ON CONFLICT as the upsert clause of an INSERT … SELECT.)
    WHERE true
    ON CONFLICT ("eventId", "endpointId") DO NOTHING`;
}
