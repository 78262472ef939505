// The webhook deliveries' statements: claiming due deliveries under a lease, reading what sending
// them needs, and recording their outcomes with their attempts — one statement (or one transaction)
// each per batch. On SQLite they run prepared on the store's hot-path connection (at delivery rates
// Prisma's per-query work cost more CPU than SQLite itself, as intake found); on PostgreSQL through
// Prisma, one round trip each. When to retry and when to give up is decided in lib/webhooks/deliver.ts.
import { prismaSqliteTimestamp } from "../dialect";
import { Prisma } from "../generated/sqlite/client";
import { newRowId } from "../row-id";
import type { Store } from "../store";
import { sqliteDeliveryStatements } from "./outbox-deliveries-sqlite";
import { LOCK_WAIT_LIMIT_MS, withLockRetries } from "./sqlite-lock-wait";

export type ClaimedDelivery = {
  id: string;
  attempts: number;
  eventId: string;
  payload: string;
  endpoint: {
    id: string;
    tenantId: string | null;
    url: string;
    secretCiphertext: string;
    previousSecretCiphertext: string | null;
    previousSecretExpiresAt: Date | null;
    failingSince: Date | null;
  };
};

/** A row of the claimed deliveries' read, as both drivers return it (dates as Date or stored text). */
export type ClaimedDeliveryRow = {
  id: string;
  attempts: number | bigint;
  eventId: string;
  payload: string;
  endpoint_id: string;
  endpoint_tenantId: string | null;
  endpoint_url: string;
  endpoint_secretCiphertext: string;
  endpoint_previousSecretCiphertext: string | null;
  endpoint_previousSecretExpiresAt: Date | string | null;
  endpoint_failingSince: Date | string | null;
};

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
 * Claims up to `limit` due deliveries of enabled endpoints, oldest due first, in one statement: a
 * lease (claimedBy/claimedUntil) that expires on its own. SQLite's one writer makes the subquery and
 * the update one step; PostgreSQL workers skip rows another worker is claiming.
 */
export async function claimDueDeliveries(store: Store, workerId: string, limit: number, now: Date, until: Date): Promise<string[]> {
  const sqlite = sqliteDeliveryStatements(store);
  if (sqlite) {
    const parameters = { workerId, limit, now: prismaSqliteTimestamp(now), until: prismaSqliteTimestamp(until) };
    return withLockRetries(LOCK_WAIT_LIMIT_MS, () => sqlite.claim.all(parameters).map((row) => row.id));
  }
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

/** What sending the claimed deliveries needs (payload, endpoint, secrets), in one read; only rows still held. */
export async function selectClaimedDeliveries(store: Store, workerId: string, ids: readonly string[]): Promise<ClaimedDelivery[]> {
  if (ids.length === 0) return [];
  const sqlite = sqliteDeliveryStatements(store);
  const rows = sqlite
    ? sqlite.read.all({ workerId, ids: JSON.stringify(ids) })
    : await store.db.$queryRaw<ClaimedDeliveryRow[]>`
        SELECT d."id", d."attempts", d."eventId", ev."payload",
          e."id" AS "endpoint_id", e."tenantId" AS "endpoint_tenantId", e."url" AS "endpoint_url", e."secretCiphertext" AS "endpoint_secretCiphertext",
          e."previousSecretCiphertext" AS "endpoint_previousSecretCiphertext", e."previousSecretExpiresAt" AS "endpoint_previousSecretExpiresAt",
          e."failingSince" AS "endpoint_failingSince"
        FROM "WebhookDelivery" d JOIN "WebhookEvent" ev ON ev."id" = d."eventId" JOIN "WebhookEndpoint" e ON e."id" = d."endpointId"
        WHERE d."id" IN (${Prisma.join(ids)}) AND d."claimedBy" = ${workerId}`;
  const date = (value: Date | string | null) => (value === null ? null : new Date(value));
  return rows.map((row) => ({
    id: row.id,
    attempts: Number(row.attempts),
    eventId: row.eventId,
    payload: row.payload,
    endpoint: {
      id: row.endpoint_id,
      tenantId: row.endpoint_tenantId,
      url: row.endpoint_url,
      secretCiphertext: row.endpoint_secretCiphertext,
      previousSecretCiphertext: row.endpoint_previousSecretCiphertext,
      previousSecretExpiresAt: date(row.endpoint_previousSecretExpiresAt),
      failingSince: date(row.endpoint_failingSince),
    },
  }));
}

/**
 * Writes a batch's outcomes and attempts together, each only under this worker's claim (a delivery
 * whose lease lapsed may be another worker's by now). Returns the ids written. On SQLite one
 * transaction of two statements; on PostgreSQL one statement (a data-modifying WITH).
 */
export async function recordDeliveryOutcomes(
  store: Store,
  workerId: string,
  outcomes: readonly DeliveryOutcome[],
  now: Date,
): Promise<Set<string>> {
  if (outcomes.length === 0) return new Set();
  const sqlite = sqliteDeliveryStatements(store);
  if (sqlite) {
    const rows = JSON.stringify(
      outcomes.map((outcome) => [
        outcome.id,
        outcome.status,
        outcome.attempts,
        outcome.statusCode,
        outcome.error,
        outcome.latencyMs,
        outcome.nextAttemptAt && prismaSqliteTimestamp(outcome.nextAttemptAt),
        newRowId(),
      ]),
    );
    const written = await withLockRetries(LOCK_WAIT_LIMIT_MS, () =>
      sqlite.recordOutcomes({ rows, workerId, now: prismaSqliteTimestamp(now) }),
    );
    return new Set(written);
  }
  const { db, dialect } = store;
  const each = (value: (outcome: DeliveryOutcome) => unknown) =>
    Prisma.sql`CASE "id" ${Prisma.join(
      outcomes.map((outcome) => Prisma.sql`WHEN ${outcome.id} THEN ${value(outcome)}`),
      " ",
    )} END`;
  const retried = outcomes.filter((outcome) => outcome.nextAttemptAt !== null);
  const delivered = outcomes.filter((outcome) => outcome.status === "DELIVERED").map((outcome) => outcome.id);
  const update = Prisma.sql`UPDATE "WebhookDelivery" SET
      "status" = ${dialect.asEnum(
        each((outcome) => outcome.status),
        "WebhookDeliveryStatus",
      )},
      "attempts" = ${dialect.asInteger(each((outcome) => outcome.attempts))},
      "lastStatusCode" = ${dialect.asInteger(each((outcome) => outcome.statusCode))},
      "lastError" = ${each((outcome) => outcome.error)},
      "lastLatencyMs" = ${dialect.asInteger(each((outcome) => outcome.latencyMs))},
      ${delivered.length === 0 ? Prisma.empty : Prisma.sql`"deliveredAt" = CASE WHEN "id" IN (${Prisma.join(delivered)}) THEN ${now} ELSE "deliveredAt" END,`}
      ${
        retried.length === 0
          ? Prisma.empty
          : Prisma.sql`"nextAttemptAt" = CASE "id" ${Prisma.join(
              retried.map((outcome) => Prisma.sql`WHEN ${outcome.id} THEN ${outcome.nextAttemptAt}`),
              " ",
            )} ELSE "nextAttemptAt" END,`
      }
      "claimedBy" = NULL, "claimedUntil" = NULL, "updatedAt" = ${now}
    WHERE "id" IN (${Prisma.join(outcomes.map((outcome) => outcome.id))}) AND "claimedBy" = ${workerId}`;
  const attempts = dialect.jsonRows(
    ["id", "deliveryId", "statusCode", "latencyMs", "error"],
    outcomes.map((outcome) => [
      newRowId(),
      outcome.id,
      outcome.statusCode === null ? null : String(outcome.statusCode),
      String(outcome.latencyMs),
      outcome.error,
    ]),
  );
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH "written" AS (${update} RETURNING "id"),
         "attempts" AS (
           INSERT INTO "WebhookAttempt" ("id", "deliveryId", "statusCode", "latencyMs", "error", "attemptedAt")
           SELECT a."id", a."deliveryId", ${dialect.asInteger(Prisma.sql`a."statusCode"`)}, ${dialect.asInteger(Prisma.sql`a."latencyMs"`)}, a."error", ${now}
           FROM ${attempts} AS a WHERE a."deliveryId" IN (SELECT "id" FROM "written"))
    SELECT "id" FROM "written"`;
  return new Set(rows.map((row) => row.id));
}
