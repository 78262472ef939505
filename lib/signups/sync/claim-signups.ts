// Claims due signups for one worker, one tenant (→ one portal) at a time, so every CRM call
// carries a full batch whenever that many are due. Cost follows the due work only:
// - WAITING rows (no usable connection) are outside the PENDING index range altogether;
// - a claim moves nextAttemptAt to the end of its lease, so claimed rows leave the due range
//   too, and a worker that dies (kill -9) only delays its rows until the lease ends.
// The statements are the database layer's (lib/db/statements/signup-queue.ts).
import type { Db } from "@/lib/db/create-client";
import { claimDueSignups, renewSignupClaims, selectTenantsWithPendingSignups, type ClaimedSignup } from "@/lib/db/statements/signup-queue";
import type { Store } from "@/lib/db/store";

export type { ClaimedSignup };

/** lastError of a row taken over from a worker whose lease ran out (it died or stalled mid-batch). */
export const RECLAIMED_MESSAGE = "Retrying: the sync worker holding this signup stopped before recording HubSpot's answer";

export interface TenantClaim {
  workerId: string;
  tenantId: string;
  limit: number;
  leaseMs: number;
  now?: Date;
}

/** Tenants that have PENDING signups (due now or later), in id order. */
export async function tenantsWithPendingSignups(db: Db): Promise<string[]> {
  return selectTenantsWithPendingSignups(db);
}

/** Claims up to `limit` of the tenant's due signups, oldest due first, in one statement. */
export async function claimTenantSignups(store: Store, claim: TenantClaim): Promise<ClaimedSignup[]> {
  const now = claim.now ?? new Date();
  const leaseUntil = new Date(now.getTime() + claim.leaseMs);
  // Outcomes always release a claim, so a claim still present is one whose holder vanished.
  return claimDueSignups(store, {
    workerId: claim.workerId,
    tenantId: claim.tenantId,
    limit: claim.limit,
    now,
    leaseUntil,
    reclaimedMessage: RECLAIMED_MESSAGE,
  });
}

/**
 * Extends this worker's claim on `batch` right before it is pushed, and returns the rows it still
 * holds. Waiting for a token or a rate slot can outlast the original lease; a row whose claim
 * lapsed may already be with another worker, so it is left out instead of sent twice.
 */
export async function renewClaims<T extends { id: string }>(db: Db, workerId: string, batch: T[], leaseMs: number): Promise<T[]> {
  if (batch.length === 0) return [];
  const now = new Date();
  const heldIds = await renewSignupClaims(
    db,
    workerId,
    batch.map((signup) => signup.id),
    now,
    new Date(now.getTime() + leaseMs),
  );
  return batch.filter((signup) => heldIds.has(signup.id));
}
