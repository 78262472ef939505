// Claims due PENDING signups for one worker: claimedBy/claimedUntil form a lease that expires on
// its own, so a worker that dies (kill -9) mid-batch only delays its rows until the lease ends.
import type { Db } from "@/lib/db/create-client";
import type { DatabaseProvider } from "@/lib/db/database-url";

export interface ClaimedSignup {
  id: string;
  tenantId: string;
  email: string;
  emailNormalized: string;
  firstName: string | null;
  attempts: number;
}

export interface ClaimRequest {
  workerId: string;
  limit: number;
  leaseMs: number;
  now?: Date;
}

export async function claimDueSignups(db: Db, provider: DatabaseProvider, request: ClaimRequest): Promise<ClaimedSignup[]> {
  const now = request.now ?? new Date();
  const leaseUntil = new Date(now.getTime() + request.leaseMs);
  const ids =
    provider === "postgresql"
      ? await claimWithSkipLocked(db, request.workerId, request.limit, now, leaseUntil)
      : await claimWithCompareAndSwap(db, request.workerId, request.limit, now, leaseUntil);
  if (ids.length === 0) return [];
  return db.signup.findMany({
    where: { id: { in: ids }, claimedBy: request.workerId, status: "PENDING" },
    select: { id: true, tenantId: true, email: true, emailNormalized: true, firstName: true, attempts: true },
  });
}

// Only tenants with a usable connection: signups of unconnected tenants simply wait, untouched,
// and are due the moment an admin connects or reconnects.
const dueWhere = (now: Date) => ({
  status: "PENDING" as const,
  nextAttemptAt: { lte: now },
  OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }],
  tenant: { connections: { some: { status: { not: "NEEDS_RECONNECT" as const } } } },
});

// SQLite runs one writer at a time, so "update only if still unclaimed" is an atomic claim.
async function claimWithCompareAndSwap(db: Db, workerId: string, limit: number, now: Date, leaseUntil: Date): Promise<string[]> {
  const candidates = await db.signup.findMany({ where: dueWhere(now), select: { id: true }, orderBy: { nextAttemptAt: "asc" }, take: limit });
  if (candidates.length === 0) return [];
  const ids = candidates.map((row) => row.id);
  await db.signup.updateMany({
    where: { id: { in: ids }, status: "PENDING", OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
    data: { claimedBy: workerId, claimedUntil: leaseUntil },
  });
  return ids;
}

// PostgreSQL: workers skip rows another worker is claiming instead of queueing behind it, so
// several workers split the backlog instead of fighting over its head.
async function claimWithSkipLocked(db: Db, workerId: string, limit: number, now: Date, leaseUntil: Date): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE "Signup" SET "claimedBy" = ${workerId}, "claimedUntil" = ${leaseUntil}
    WHERE "id" IN (
      SELECT s."id" FROM "Signup" s
      WHERE s."status" = 'PENDING' AND s."nextAttemptAt" <= ${now}
        AND (s."claimedUntil" IS NULL OR s."claimedUntil" < ${now})
        AND EXISTS (SELECT 1 FROM "Connection" c WHERE c."tenantId" = s."tenantId" AND c."status" <> 'NEEDS_RECONNECT')
      ORDER BY s."nextAttemptAt"
      LIMIT ${limit}
      FOR UPDATE OF s SKIP LOCKED
    )
    RETURNING "id"`;
  return rows.map((row) => row.id);
}

/**
 * Extends this worker's claim on `batch` right before it is pushed, and returns the rows it still
 * holds. Waiting for a token or a rate slot can outlast the original lease; a row whose claim
 * lapsed may already be with another worker, so it is left out instead of sent twice.
 */
export async function renewClaims<T extends { id: string }>(db: Db, workerId: string, batch: T[], leaseMs: number): Promise<T[]> {
  const now = new Date();
  const ids = batch.map((signup) => signup.id);
  await db.signup.updateMany({
    where: { id: { in: ids }, claimedBy: workerId, claimedUntil: { gt: now }, status: "PENDING" },
    data: { claimedUntil: new Date(now.getTime() + leaseMs) },
  });
  const held = await db.signup.findMany({
    where: { id: { in: ids }, claimedBy: workerId, claimedUntil: { gt: now }, status: "PENDING" },
    select: { id: true },
  });
  const heldIds = new Set(held.map((row) => row.id));
  return batch.filter((signup) => heldIds.has(signup.id));
}
