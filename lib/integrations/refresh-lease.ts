// The cross-process refresh lease: a compare-and-swap on the Connection row. Whoever turns an
// empty (or expired) lease into their own may call the provider; everyone else waits and reads.
// Expiry lets another process take over when a holder crashed mid-refresh.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Db } from "@/lib/db/create-client";

export const REFRESH_LEASE_MS = 60_000;

export function newLeaseOwner(): string {
  return `${hostname()}:${process.pid}:${randomUUID()}`;
}

export async function acquireRefreshLease(
  db: Db,
  connectionId: string,
  owner: string,
  now: Date = new Date(),
  leaseMs: number = REFRESH_LEASE_MS,
): Promise<boolean> {
  const { count } = await db.connection.updateMany({
    where: {
      id: connectionId,
      OR: [{ refreshLeaseOwner: null }, { refreshLeaseExpiresAt: null }, { refreshLeaseExpiresAt: { lt: now } }],
    },
    data: { refreshLeaseOwner: owner, refreshLeaseExpiresAt: new Date(now.getTime() + leaseMs) },
  });
  return count === 1;
}

/** Gives the lease back without touching tokens; a no-op if someone else holds it by now. */
export async function releaseRefreshLease(db: Db, connectionId: string, owner: string): Promise<void> {
  await db.connection.updateMany({
    where: { id: connectionId, refreshLeaseOwner: owner },
    data: { refreshLeaseOwner: null, refreshLeaseExpiresAt: null },
  });
}
