// The signup queue's statements: which tenants have PENDING rows, claiming tenants' due rows under
// a lease, renewing that lease, parking rows that have nowhere to go, and SQLite's planner statistics.
// Every statement is a range of the (status, tenantId, nextAttemptAt) index or keyed by id. What to
// claim, for how long, and when to park is decided by the sync (lib/signups/sync/).
import type { Db } from "../create-client";
import { Prisma } from "../generated/sqlite/client";
import type { Store } from "../store";

export interface ClaimedSignup {
  id: string;
  tenantId: string;
  email: string;
  emailNormalized: string;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  freeText: string | null;
  attempts: number;
  createdAt: Date;
  lastError: string | null;
}

/**
 * Tenants with PENDING signups (due now or later), in id order, after `after` (exclusive) and at
 * most `limit` of them: a skip scan, one index probe per tenant returned — a pass that serves 64
 * tenants reads 64 entries however many thousands have signups pending.
 */
export async function selectTenantsWithPendingSignups(
  db: Db,
  { after = "", limit = 1_000_000 }: { after?: string; limit?: number } = {},
): Promise<string[]> {
  if (limit <= 0) return [];
  const rows = await db.$queryRaw<{ tenantId: string | null }[]>`
    WITH RECURSIVE pending ("tenantId", "n") AS (
      SELECT (SELECT MIN("tenantId") FROM "Signup" WHERE "status" = 'PENDING' AND "tenantId" > ${after}), 1
      UNION ALL
      SELECT (SELECT MIN(s."tenantId") FROM "Signup" s WHERE s."status" = 'PENDING' AND s."tenantId" > pending."tenantId"), pending."n" + 1
      FROM pending WHERE pending."tenantId" IS NOT NULL AND pending."n" < ${limit}
    )
    SELECT "tenantId" FROM pending WHERE "tenantId" IS NOT NULL`;
  return rows.flatMap((row) => (row.tenantId ? [row.tenantId] : []));
}

/** The lowest and highest tenant ids with PENDING signups (two index probes); null when there are none. */
export async function selectPendingTenantRange(db: Db): Promise<{ first: string; last: string } | null> {
  const [range] = await db.$queryRaw<{ first: string | null; last: string | null }[]>`
    SELECT (SELECT MIN("tenantId") FROM "Signup" WHERE "status" = 'PENDING') AS "first",
           (SELECT MAX("tenantId") FROM "Signup" WHERE "status" = 'PENDING') AS "last"`;
  return range?.first && range.last ? { first: range.first, last: range.last } : null;
}

export type SignupClaim = {
  workerId: string;
  tenantIds: readonly string[];
  /** Rows per tenant, at most. */
  limit: number;
  now: Date;
  leaseUntil: Date;
  reclaimedMessage: string;
};

/**
 * Up to `limit` due signups of each tenant, oldest due first, claimed for all the tenants in one
 * statement: the claim moves nextAttemptAt to the lease's end, so claimed rows leave the due range.
 * A row still claimed by someone else (whose lease ran out) gets `reclaimedMessage` as its lastError.
 * Each tenant's rows are one index range (status, tenantId, nextAttemptAt); PostgreSQL workers skip
 * rows another worker is claiming (FOR UPDATE SKIP LOCKED in each tenant's LATERAL range), SQLite's
 * one writer makes the statement atomic already.
 */
export async function claimDueSignups(store: Store, claim: SignupClaim): Promise<ClaimedSignup[]> {
  if (claim.tenantIds.length === 0) return [];
  const tenants = JSON.stringify(claim.tenantIds);
  const due =
    store.dialect.kind === "postgresql"
      ? Prisma.sql`
        SELECT d."id" FROM json_array_elements_text(${tenants}::json) AS t("tenantId")
        CROSS JOIN LATERAL (
          SELECT s."id" FROM "Signup" s
          WHERE s."status" = 'PENDING' AND s."tenantId" = t."tenantId" AND s."nextAttemptAt" <= ${claim.now}
          ORDER BY s."nextAttemptAt" LIMIT ${claim.limit}
          ${store.dialect.skipLocked("s")}) AS d`
      : Prisma.sql`
        SELECT d."id" FROM json_each(${tenants}) AS t JOIN "Signup" d ON d."id" IN (
          SELECT s."id" FROM "Signup" s
          WHERE s."status" = 'PENDING' AND s."tenantId" = t.value AND s."nextAttemptAt" <= ${claim.now}
          ORDER BY s."nextAttemptAt" LIMIT ${claim.limit})`;
  return store.db.$queryRaw<ClaimedSignup[]>`
    UPDATE "Signup" ${store.dialect.byPrimaryKey("Signup")} SET "claimedBy" = ${claim.workerId}, "claimedUntil" = ${claim.leaseUntil}, "nextAttemptAt" = ${claim.leaseUntil},
      "lastError" = CASE WHEN "claimedBy" IS NULL THEN "lastError" ELSE ${claim.reclaimedMessage} END
    WHERE "id" IN (${due})
    RETURNING "id", "tenantId", "email", "emailNormalized", "firstName", "lastName", "company", "freeText", "attempts", "createdAt", "lastError"`;
}

/** Extends the worker's live claims on these rows; returns the ids it still holds. Keyed by id and claimedBy only. */
export async function renewSignupClaims(
  store: Store,
  workerId: string,
  ids: readonly string[],
  now: Date,
  leaseUntil: Date,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const held = await store.db.$queryRaw<{ id: string }[]>`
    UPDATE "Signup" ${store.dialect.byPrimaryKey("Signup")} SET "claimedUntil" = ${leaseUntil}, "nextAttemptAt" = ${leaseUntil}
    WHERE "id" IN (${Prisma.join(ids)}) AND "claimedBy" = ${workerId} AND "claimedUntil" > ${now}
    RETURNING "id"`;
  return new Set(held.map((row) => row.id));
}

/**
 * PENDING → WAITING for a tenant, but only while it has no usable destination, checked in the same
 * statement: a connect that commits first is never undone by a decision taken earlier.
 */
export async function parkPendingSignups(db: Db, tenantId: string, message: string): Promise<number> {
  return db.$executeRaw`
    UPDATE "Signup" SET "status" = 'WAITING', "lastError" = ${message}
    WHERE "status" = 'PENDING' AND "tenantId" = ${tenantId} AND NOT ${usableDestinationSql(tenantId)}`;
}

/** THE newsletter destination rule of lib/signups/sync/destination.ts (pickDestination) as a SQL
 * condition, from the same two steps: the chosen connection if it exists, else the oldest — usable
 * unless it needs reconnecting (tests/signups/destination-rule.test.ts checks both agree). */
export function usableDestinationSql(tenantId: string): Prisma.Sql {
  const chosen = Prisma.sql`(SELECT chosen."id" FROM "Connection" chosen JOIN "Tenant" t ON t."newsletterConnectionId" = chosen."id" WHERE t."id" = ${tenantId})`;
  const oldest = Prisma.sql`(SELECT oldest."id" FROM "Connection" oldest WHERE oldest."tenantId" = ${tenantId} ORDER BY oldest."createdAt", oldest."id" LIMIT 1)`;
  return Prisma.sql`EXISTS (SELECT 1 FROM "Connection" c WHERE c."tenantId" = ${tenantId} AND c."status" <> 'NEEDS_RECONNECT' AND c."id" = COALESCE(${chosen}, ${oldest}))`;
}

// SQLite plans queries without statistics until someone runs ANALYZE: with none, it picked the
// (status, …) index for statements keyed by id and scanned every pending row. PRAGMA optimize gathers
// what is missing or stale; analysis_limit caps each index's sample, so a run takes milliseconds even
// at millions of rows. PostgreSQL's autovacuum keeps its own statistics: nothing to do there.
const ANALYSIS_ROW_LIMIT = 1000;

export async function refreshPlannerStatistics(store: Store): Promise<void> {
  if (store.dialect.kind !== "sqlite") return;
  await store.db.$queryRawUnsafe(`PRAGMA analysis_limit = ${ANALYSIS_ROW_LIMIT}`);
  // 0x10002: also analyze tables that never were (a plain "optimize" only refreshes stale ones).
  await store.db.$queryRawUnsafe("PRAGMA optimize = 0x10002");
}
