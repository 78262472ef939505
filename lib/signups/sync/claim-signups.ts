// Claims due signups for one worker, one tenant (→ one portal) at a time, so every HubSpot call
// carries a full batch whenever that many are due. Cost follows the due work only:
// - WAITING rows (no usable connection) are outside the PENDING index range altogether;
// - a claim moves nextAttemptAt to the end of its lease, so claimed rows leave the due range
//   too, and a worker that dies (kill -9) only delays its rows until the lease ends;
// - every statement is a range of the (status, tenantId, nextAttemptAt) index or keyed by id.
import type { Db } from "@/lib/db/create-client";
import type { DatabaseProvider } from "@/lib/db/database-url";
import { Prisma } from "@/lib/db/generated/sqlite/client";

export interface ClaimedSignup {
  id: string;
  tenantId: string;
  email: string;
  emailNormalized: string;
  firstName: string | null;
  attempts: number;
  createdAt: Date;
  lastError: string | null;
}

/** lastError of a row taken over from a worker whose lease ran out (it died or stalled mid-batch). */
export const RECLAIMED_MESSAGE = "Retrying: the sync worker holding this signup stopped before recording HubSpot's answer";

export interface TenantClaim {
  workerId: string;
  tenantId: string;
  limit: number;
  leaseMs: number;
  now?: Date;
}

/**
 * Tenants that have PENDING signups (due now or later), in id order: a skip scan that costs one
 * index probe per such tenant, however many rows each has and however many others wait.
 */
export async function tenantsWithPendingSignups(db: Db): Promise<string[]> {
  const rows = await db.$queryRaw<{ tenantId: string | null }[]>`
    WITH RECURSIVE pending ("tenantId") AS (
      SELECT (SELECT MIN("tenantId") FROM "Signup" WHERE "status" = 'PENDING')
      UNION ALL
      SELECT (SELECT MIN(s."tenantId") FROM "Signup" s WHERE s."status" = 'PENDING' AND s."tenantId" > pending."tenantId")
      FROM pending WHERE pending."tenantId" IS NOT NULL
    )
    SELECT "tenantId" FROM pending WHERE "tenantId" IS NOT NULL`;
  return rows.flatMap((row) => (row.tenantId ? [row.tenantId] : []));
}

/** Claims up to `limit` of the tenant's due signups, oldest due first, in one statement. */
export async function claimTenantSignups(db: Db, provider: DatabaseProvider, claim: TenantClaim): Promise<ClaimedSignup[]> {
  const now = claim.now ?? new Date();
  const leaseUntil = new Date(now.getTime() + claim.leaseMs);
  // SQLite runs one writer at a time, so the subquery and the update are one atomic step;
  // PostgreSQL workers skip rows another worker is claiming instead of queueing behind them.
  const lock = provider === "postgresql" ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
  return db.$queryRaw<ClaimedSignup[]>`
    UPDATE "Signup" SET "claimedBy" = ${claim.workerId}, "claimedUntil" = ${leaseUntil}, "nextAttemptAt" = ${leaseUntil},
      -- Outcomes always release a claim, so a claim still present here is one whose holder vanished.
      "lastError" = CASE WHEN "claimedBy" IS NULL THEN "lastError" ELSE ${RECLAIMED_MESSAGE} END
    WHERE "id" IN (
      SELECT "id" FROM "Signup"
      WHERE "status" = 'PENDING' AND "tenantId" = ${claim.tenantId} AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt"
      LIMIT ${claim.limit}
      ${lock}
    )
    RETURNING "id", "tenantId", "email", "emailNormalized", "firstName", "attempts", "createdAt", "lastError"`;
}

/**
 * Extends this worker's claim on `batch` right before it is pushed, and returns the rows it still
 * holds. Waiting for a token or a rate slot can outlast the original lease; a row whose claim
 * lapsed may already be with another worker, so it is left out instead of sent twice. Keyed by id
 * and claimedBy only (never status), so the planner always uses the primary key.
 */
export async function renewClaims<T extends { id: string }>(db: Db, workerId: string, batch: T[], leaseMs: number): Promise<T[]> {
  if (batch.length === 0) return [];
  const now = new Date();
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const held = await db.$queryRaw<{ id: string }[]>`
    UPDATE "Signup" SET "claimedUntil" = ${leaseUntil}, "nextAttemptAt" = ${leaseUntil}
    WHERE "id" IN (${Prisma.join(batch.map((signup) => signup.id))}) AND "claimedBy" = ${workerId} AND "claimedUntil" > ${now}
    RETURNING "id"`;
  const heldIds = new Set(held.map((row) => row.id));
  return batch.filter((signup) => heldIds.has(signup.id));
}
