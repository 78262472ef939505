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

// An enabled endpoint, aliased w, subscribed to event e's type (eventTypes holds the types joined by
// single spaces, '' for all of them). LIKE reads the "_" in a type as any character, so this may
// find an endpoint for a kind of event none takes, never the reverse: at worst a writer writes
// again with events fan-out then delivers to nobody (lib/webhooks/event-receivers.ts decides exactly).
const SUBSCRIBED = Prisma.sql`w."enabled" AND (w."eventTypes" = '' OR ' ' || w."eventTypes" || ' ' LIKE '% ' || e."type" || ' %')`;

/** An event type of a tenant (null: operator-wide events) that a writer left out, having found no endpoint for it. */
export type Unannounced = { tenantId: string | null; type: string };

/**
 * True when an endpoint receives one of these left-out kinds of event (e) after all — one of e's
 * tenant's or an operator-wide one, added between the writer's look and its statement. The outcome
 * statements then write nothing, and the writer writes again with the events
 * (lib/signups/sync/record-outcomes.ts). Two probes of the endpoints' tenantId index per kind.
 */
export function receivableAmongSql(dialect: Dialect, unannounced: readonly Unannounced[]): Prisma.Sql {
  if (unannounced.length === 0) return Prisma.sql`(1 = 0)`;
  const kinds = dialect.jsonRows(
    ["tenantId", "type"],
    unannounced.map((kind) => [kind.tenantId, kind.type]),
  );
  return Prisma.sql`EXISTS (SELECT 1 FROM ${kinds} AS e WHERE
    EXISTS (SELECT 1 FROM "WebhookEndpoint" w WHERE w."tenantId" IS NULL AND ${SUBSCRIBED})
    OR EXISTS (SELECT 1 FROM "WebhookEndpoint" w WHERE w."tenantId" = e."tenantId" AND ${SUBSCRIBED}))`;
}

/**
 * The events as one INSERT (its rows in one parameter) — those the writer found an endpoint for
 * (lib/webhooks/event-receivers.ts); with `keep`, only rows whose e."key" passes.
 */
export function insertWebhookEventsSql(dialect: Dialect, rows: readonly OutboxRow[], now: Date, keep?: Prisma.Sql): Prisma.Sql {
  const values = rows.map((row) => [row.id, row.tenantId, row.type, row.payload, row.key] as const);
  return Prisma.sql`INSERT INTO "WebhookEvent" ("id", "tenantId", "type", "payload", "createdAt")
    SELECT e."id", e."tenantId", e."type", e."payload", ${now} FROM ${dialect.jsonRows(["id", "tenantId", "type", "payload", "key"], values)} AS e
    ${keep ? Prisma.sql`WHERE ${keep}` : Prisma.empty}`;
}

export type UnfannedEvent = { id: string; tenantId: string | null; type: string; createdAt: Date };

/** What a fan-out step's statements run on: the store's client, or a transaction of it. */
export type OutboxConnection = { db: Pick<Db, "$queryRaw" | "$executeRaw" | "webhookEndpoint">; dialect: Dialect };

/**
 * The oldest events not fanned out yet, straight from the (fannedOutAt, createdAt) index; on
 * PostgreSQL locked, skipping events another worker has locked (see fanOutOldestEvents).
 */
export async function selectUnfannedEvents(connection: OutboxConnection, limit: number): Promise<UnfannedEvent[]> {
  return connection.db.$queryRaw<UnfannedEvent[]>`
    SELECT "id", "tenantId", "type", "createdAt" FROM "WebhookEvent"
    WHERE "fannedOutAt" IS NULL ORDER BY "fannedOutAt", "createdAt" LIMIT ${limit} ${connection.dialect.skipLocked()}`;
}

const FAN_OUT_TRANSACTION = { maxWait: 10_000, timeout: 30_000 };

/**
 * One fan-out step: the oldest open events, the deliveries `deliveriesFor` picks for them, and the
 * events marked. On PostgreSQL in one transaction holding the events' row locks, so a second worker
 * takes the next events instead of reading, writing and waiting for these same ones (two workers
 * did all the fan-out work twice); SQLite runs one writer at a time, and its three statements run on
 * their own (the deliveries' unique pair and the mark's "still open" make a repeat write nothing).
 */
export async function fanOutOldestEvents(
  store: Store,
  limit: number,
  deliveriesFor: (connection: OutboxConnection, events: UnfannedEvent[]) => Promise<DeliveryPair[]>,
): Promise<number> {
  const step = async (connection: OutboxConnection) => {
    const events = await selectUnfannedEvents(connection, limit);
    if (events.length === 0) return 0;
    const now = new Date();
    await insertDeliveries(connection, await deliveriesFor(connection, events), now);
    await markEventsFannedOut(
      connection,
      events.map((event) => event.id),
      now,
    );
    return events.length;
  };
  if (store.dialect.kind === "sqlite") return step(store);
  // Prisma's defaults (2 s to get a connection, 5 s in all) can run out on a busy machine; a step that
  // fails is only retried on the next round, so its deliveries leave late. It holds the locks of at
  // most `limit` events that no other worker waits for (they skip them).
  return store.db.$transaction((tx) => step({ db: tx, dialect: store.dialect }), FAN_OUT_TRANSACTION);
}

/** Marks events fanned out; only those still open, so a second worker writes nothing twice. */
export async function markEventsFannedOut(connection: OutboxConnection, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  // By primary key (dialect.byPrimaryKey): with statistics from when the table was small, SQLite
  // scanned every event for each 200 ids — a third of the sync worker's CPU at 200,000 events.
  await connection.db.$executeRaw`UPDATE "WebhookEvent" ${connection.dialect.byPrimaryKey("WebhookEvent")} SET "fannedOutAt" = ${now}
    WHERE "id" IN (${Prisma.join(ids)}) AND "fannedOutAt" IS NULL`;
}

export type DeliveryPair = { eventId: string; endpointId: string };

/**
 * One delivery per (event, endpoint) pair, due when its event happened, in one statement; pairs that
 * exist already (another worker fanned the same event out) are skipped.
 */
export async function insertDeliveries(connection: OutboxConnection, pairs: readonly DeliveryPair[], now: Date): Promise<void> {
  if (pairs.length === 0) return;
  const rows = connection.dialect.jsonRows(
    ["id", "eventId", "endpointId"],
    pairs.map((pair) => [newRowId(), pair.eventId, pair.endpointId]),
  );
  await connection.db.$executeRaw`
    INSERT INTO "WebhookDelivery" ("id", "eventId", "endpointId", "nextAttemptAt", "createdAt", "updatedAt")
    SELECT r."id", r."eventId", r."endpointId", ev."createdAt", ${now}, ${now}
    FROM ${rows} AS r JOIN "WebhookEvent" ev ON ev."id" = r."eventId"
    -- (WHERE true: SQLite needs it to read ON CONFLICT as the upsert clause of an INSERT … SELECT.)
    WHERE true
    ON CONFLICT ("eventId", "endpointId") DO NOTHING`;
}
