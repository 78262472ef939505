// The webhook outbox's statements: events written in one INSERT with the change they report, fan-out
// (events not yet turned into deliveries), and the deliveries' claims and outcomes. Which events go
// to which endpoint, and when a failed delivery is retried, is decided in lib/webhooks/.
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
export async function markEventsFannedOut(db: Db, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.$executeRaw`UPDATE "WebhookEvent" SET "fannedOutAt" = ${now} WHERE "fannedOutAt" IS NULL AND "id" IN (${Prisma.join(ids)})`;
}

export type ClaimedDelivery = {
  id: string;
  attempts: number;
  eventId: string;
  payload: string;
  endpoint: { id: string; tenantId: string | null; url: string; secretCiphertext: string; previousSecretCiphertext: string | null; previousSecretExpiresAt: Date | null; failingSince: Date | null };
};

/**
 * Claims up to `limit` due deliveries of enabled endpoints, oldest due first, in one statement: a
 * lease (claimedBy/claimedUntil) that expires on its own. SQLite's one writer makes the subquery and
 * the update one step; PostgreSQL workers skip rows another worker is claiming.
 */
export async function claimDueDeliveries(store: Store, workerId: string, limit: number, now: Date, until: Date): Promise<string[]> {
  const rows = await store.db.$queryRaw<{ id: string }[]>`
    UPDATE "WebhookDelivery" SET "claimedBy" = ${workerId}, "claimedUntil" = ${until}
    WHERE "id" IN (
      SELECT d."id" FROM "WebhookDelivery" d JOIN "WebhookEndpoint" e ON e."id" = d."endpointId"
      WHERE d."status" = 'PENDING' AND d."nextAttemptAt" <= ${now} AND e."enabled"
        AND (d."claimedUntil" IS NULL OR d."claimedUntil" < ${now})
      ORDER BY d."nextAttemptAt" LIMIT ${limit}
      ${store.dialect.skipLocked("d")}
    )
    RETURNING "id"`;
  return rows.map((row) => row.id);
}

type DeliveryRow = Omit<ClaimedDelivery, "endpoint"> & { [K in keyof ClaimedDelivery["endpoint"] as `endpoint_${K}`]: ClaimedDelivery["endpoint"][K] };

/** What sending the claimed deliveries needs (payload, endpoint, secrets), in one read; only rows still held. */
export async function selectClaimedDeliveries(db: Db, workerId: string, ids: readonly string[]): Promise<ClaimedDelivery[]> {
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<DeliveryRow[]>`
    SELECT d."id", d."attempts", d."eventId", ev."payload",
      e."id" AS "endpoint_id", e."tenantId" AS "endpoint_tenantId", e."url" AS "endpoint_url", e."secretCiphertext" AS "endpoint_secretCiphertext",
      e."previousSecretCiphertext" AS "endpoint_previousSecretCiphertext", e."previousSecretExpiresAt" AS "endpoint_previousSecretExpiresAt",
      e."failingSince" AS "endpoint_failingSince"
    FROM "WebhookDelivery" d JOIN "WebhookEvent" ev ON ev."id" = d."eventId" JOIN "WebhookEndpoint" e ON e."id" = d."endpointId"
    WHERE d."id" IN (${Prisma.join(ids)}) AND d."claimedBy" = ${workerId}`;
  return rows.map((row) => ({
    id: row.id, attempts: Number(row.attempts), eventId: row.eventId, payload: row.payload,
    endpoint: {
      id: row.endpoint_id, tenantId: row.endpoint_tenantId, url: row.endpoint_url, secretCiphertext: row.endpoint_secretCiphertext,
      previousSecretCiphertext: row.endpoint_previousSecretCiphertext, previousSecretExpiresAt: row.endpoint_previousSecretExpiresAt,
      failingSince: row.endpoint_failingSince,
    },
  }));
}

export type DeliveryOutcome = {
  id: string;
  status: "DELIVERED" | "PENDING" | "FAILED";
  attempts: number;
  statusCode: number | null;
  error: string | null;
  latencyMs: number;
  /** Only for PENDING: when to try again. */
  nextAttemptAt: Date | null;
};

/**
 * Writes a batch's outcomes and attempts together, each only under this worker's claim (a delivery
 * whose lease lapsed may be another worker's by now). Returns the ids written. On PostgreSQL one
 * statement (a data-modifying WITH); on SQLite one transaction of two.
 */
export async function recordDeliveryOutcomes(store: Store, workerId: string, outcomes: readonly DeliveryOutcome[], now: Date): Promise<Set<string>> {
  if (outcomes.length === 0) return new Set();
  const { db, dialect } = store;
  const ids = Prisma.join(outcomes.map((outcome) => outcome.id));
  const each = (value: (outcome: DeliveryOutcome) => unknown) =>
    Prisma.sql`CASE "id" ${Prisma.join(outcomes.map((outcome) => Prisma.sql`WHEN ${outcome.id} THEN ${value(outcome)}`), " ")} END`;
  const retried = outcomes.filter((outcome) => outcome.nextAttemptAt !== null);
  const update = Prisma.sql`UPDATE "WebhookDelivery" SET
      "status" = ${dialect.asEnum(each((outcome) => outcome.status), "WebhookDeliveryStatus")},
      "attempts" = ${dialect.asInteger(each((outcome) => outcome.attempts))},
      "lastStatusCode" = ${dialect.asInteger(each((outcome) => outcome.statusCode))},
      "lastError" = ${each((outcome) => outcome.error)},
      "lastLatencyMs" = ${dialect.asInteger(each((outcome) => outcome.latencyMs))},
      "deliveredAt" = CASE WHEN "id" IN (${Prisma.join(outcomes.map((outcome) => (outcome.status === "DELIVERED" ? outcome.id : "")))}) THEN ${now} ELSE "deliveredAt" END,
      ${retried.length === 0 ? Prisma.empty : Prisma.sql`"nextAttemptAt" = CASE "id" ${Prisma.join(retried.map((outcome) => Prisma.sql`WHEN ${outcome.id} THEN ${outcome.nextAttemptAt}`), " ")} ELSE "nextAttemptAt" END,`}
      "claimedBy" = NULL, "claimedUntil" = NULL, "updatedAt" = ${now}
    WHERE "id" IN (${ids}) AND "claimedBy" = ${workerId}`;
  const attempts = dialect.jsonRows(
    ["id", "deliveryId", "statusCode", "latencyMs", "error"],
    outcomes.map((outcome) => [newRowId(), outcome.id, outcome.statusCode === null ? null : String(outcome.statusCode), String(outcome.latencyMs), outcome.error]),
  );
  const insertFrom = (keep: Prisma.Sql) => Prisma.sql`INSERT INTO "WebhookAttempt" ("id", "deliveryId", "statusCode", "latencyMs", "error", "attemptedAt")
    SELECT a."id", a."deliveryId", ${dialect.asInteger(Prisma.sql`a."statusCode"`)}, ${dialect.asInteger(Prisma.sql`a."latencyMs"`)}, a."error", ${now}
    FROM ${attempts} AS a WHERE ${keep}`;
  if (dialect.kind === "postgresql") {
    const rows = await db.$queryRaw<{ id: string }[]>`
      WITH "written" AS (${update} RETURNING "id"),
           "attempts" AS (${insertFrom(Prisma.sql`a."deliveryId" IN (SELECT "id" FROM "written")`)})
      SELECT "id" FROM "written"`;
    return new Set(rows.map((row) => row.id));
  }
  // The attempts first, while the claim is still on the rows; SQLite's one writer keeps the two
  // statements from seeing different rows.
  const [, written] = await db.$transaction([
    db.$executeRaw(insertFrom(Prisma.sql`EXISTS (SELECT 1 FROM "WebhookDelivery" d WHERE d."id" = a."deliveryId" AND d."claimedBy" = ${workerId})`)),
    db.$queryRaw<{ id: string }[]>`${update} RETURNING "id"`,
  ]);
  return new Set(written.map((row) => row.id));
}
