// The deliveries' statements as SQLite runs them: prepared once per store on its hot-path connection.
// Lists travel as one JSON parameter (json_each), so each statement's text never changes. Rows named
// by id are looked up by the primary key whatever the statistics say (see dialect.byPrimaryKey).
import type { Store } from "../store";
import type { ClaimedDeliveryRow } from "./outbox-deliveries";

const CLAIM = `
  UPDATE "WebhookDelivery" INDEXED BY "sqlite_autoindex_WebhookDelivery_1" SET "claimedBy" = @workerId, "claimedUntil" = @until
  WHERE "id" IN (
    SELECT d."id" FROM "WebhookDelivery" d JOIN "WebhookEndpoint" e ON e."id" = d."endpointId"
    WHERE d."status" = 'PENDING' AND d."nextAttemptAt" <= @now AND e."enabled"
      AND (d."claimedUntil" IS NULL OR d."claimedUntil" < @now)
    ORDER BY d."nextAttemptAt" LIMIT @limit)
  RETURNING "id"`;

const READ = `
  SELECT d."id", d."attempts", d."eventId", ev."payload",
    e."id" AS "endpoint_id", e."tenantId" AS "endpoint_tenantId", e."url" AS "endpoint_url", e."secretCiphertext" AS "endpoint_secretCiphertext",
    e."previousSecretCiphertext" AS "endpoint_previousSecretCiphertext", e."previousSecretExpiresAt" AS "endpoint_previousSecretExpiresAt",
    e."failingSince" AS "endpoint_failingSince"
  FROM "WebhookDelivery" d INDEXED BY "sqlite_autoindex_WebhookDelivery_1"
    JOIN "WebhookEvent" ev ON ev."id" = d."eventId" JOIN "WebhookEndpoint" e ON e."id" = d."endpointId"
  WHERE d."id" IN (SELECT value FROM json_each(@ids)) AND d."claimedBy" = @workerId`;

// Each outcome row: [id, status, attempts, statusCode, error, latencyMs, nextAttemptAt | null, attemptId].
const INSERT_ATTEMPTS = `
  INSERT INTO "WebhookAttempt" ("id", "deliveryId", "statusCode", "latencyMs", "error", "attemptedAt")
  SELECT r.value ->> 7, r.value ->> 0, r.value ->> 3, r.value ->> 5, r.value ->> 4, @now FROM json_each(@rows) r
  WHERE EXISTS (SELECT 1 FROM "WebhookDelivery" d WHERE d."id" = r.value ->> 0 AND d."claimedBy" = @workerId)`;

const UPDATE_OUTCOMES = `
  UPDATE "WebhookDelivery" INDEXED BY "sqlite_autoindex_WebhookDelivery_1" SET "status" = r.value ->> 1, "attempts" = r.value ->> 2, "lastStatusCode" = r.value ->> 3,
    "lastError" = r.value ->> 4, "lastLatencyMs" = r.value ->> 5,
    "deliveredAt" = CASE WHEN r.value ->> 1 = 'DELIVERED' THEN @now ELSE "WebhookDelivery"."deliveredAt" END,
    "nextAttemptAt" = COALESCE(r.value ->> 6, "WebhookDelivery"."nextAttemptAt"),
    "claimedBy" = NULL, "claimedUntil" = NULL, "updatedAt" = @now
  FROM json_each(@rows) r
  WHERE "WebhookDelivery"."id" = r.value ->> 0 AND "WebhookDelivery"."claimedBy" = @workerId
  RETURNING "WebhookDelivery"."id" AS "deliveryId"`;

type Parameters = Record<string, string | number | null>;

export type SqliteDeliveryStatements = {
  claim: { all(parameters: Parameters): { id: string }[] };
  read: { all(parameters: Parameters): ClaimedDeliveryRow[] };
  /** Attempts first, while the claim is still on the rows; both in one immediate transaction. */
  recordOutcomes(parameters: { rows: string; workerId: string; now: string }): string[];
};

export function sqliteDeliveryStatements(store: Store): SqliteDeliveryStatements | null {
  return store.shared("hot-path:deliveries", () => {
    const connection = store.sqlite();
    if (!connection) return null;
    const insertAttempts = connection.prepare(INSERT_ATTEMPTS);
    const updateOutcomes = connection.prepare<Parameters, { deliveryId: string }>(UPDATE_OUTCOMES);
    const record = connection.transaction((parameters: Parameters) => {
      insertAttempts.run(parameters);
      return updateOutcomes.all(parameters).map((row) => row.deliveryId);
    });
    return {
      claim: connection.prepare<Parameters, { id: string }>(CLAIM),
      read: connection.prepare<Parameters, ClaimedDeliveryRow>(READ),
      recordOutcomes: (parameters) => record.immediate(parameters),
    };
  });
}
