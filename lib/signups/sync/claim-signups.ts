// Claims due signups for one worker, a batch or more per tenant (→ one portal), so every CRM call
// carries a full batch whenever that many are due, for many tenants per statement. Cost follows the
// due work only:
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

/**
 * Tenants that have PENDING signups (due now or later), in id order from just after `after`,
 * wrapping round to the start: the next `limit` tenants of the round robin. Without options, all.
 */
export async function tenantsWithPendingSignups(db: Db, { after, limit }: { after?: string; limit?: number } = {}): Promise<string[]> {
  const next = await selectTenantsWithPendingSignups(db, { after, limit });
  if (!after || (limit !== undefined && next.length >= limit)) return next;
  const fromStart = await selectTenantsWithPendingSignups(db, { limit: limit === undefined ? undefined : limit - next.length });
  return [...next, ...fromStart.filter((tenantId) => tenantId <= after)];
}

// Rows one claim statement may take: a bounded statement keeps SQLite's writer (and the event loop
// of an in-process worker) free for intake between claims.
const ROWS_PER_CLAIM_STATEMENT = 1_000;

export interface TenantsClaim {
  workerId: string;
  tenantIds: readonly string[];
  /** Rows per tenant, at most. */
  limit: number;
  leaseMs: number;
  /** Between two statements (an event-loop turn, for an in-process worker). */
  between?: () => Promise<void>;
}

/**
 * Claims up to `limit` due signups of each tenant, oldest due first: as many tenants per statement as
 * ROWS_PER_CLAIM_STATEMENT allows, so a pass over 64 small tenants costs a few statements, not 64.
 * Returns each tenant's claimed rows (tenants with none are left out).
 */
export async function claimSignupsOfTenants(store: Store, claim: TenantsClaim): Promise<Map<string, ClaimedSignup[]>> {
  const perStatement = Math.max(1, Math.floor(ROWS_PER_CLAIM_STATEMENT / claim.limit));
  const byTenant = new Map<string, ClaimedSignup[]>();
  for (let start = 0; start < claim.tenantIds.length; start += perStatement) {
    if (start > 0) await claim.between?.();
    const now = new Date();
    // Outcomes always release a claim, so a claim still present is one whose holder vanished.
    const claimed = await claimDueSignups(store, {
      workerId: claim.workerId,
      tenantIds: claim.tenantIds.slice(start, start + perStatement),
      limit: claim.limit,
      now,
      leaseUntil: new Date(now.getTime() + claim.leaseMs),
      reclaimedMessage: RECLAIMED_MESSAGE,
    });
    for (const signup of claimed) byTenant.set(signup.tenantId, [...(byTenant.get(signup.tenantId) ?? []), signup]);
  }
  return byTenant;
}

/** Claims up to `limit` of one tenant's due signups, oldest due first. */
export async function claimTenantSignups(store: Store, claim: TenantClaim): Promise<ClaimedSignup[]> {
  const now = claim.now ?? new Date();
  return claimDueSignups(store, {
    workerId: claim.workerId,
    tenantIds: [claim.tenantId],
    limit: claim.limit,
    now,
    leaseUntil: new Date(now.getTime() + claim.leaseMs),
    reclaimedMessage: RECLAIMED_MESSAGE,
  });
}

/**
 * Extends this worker's claim on `batch` right before it is pushed, and returns the rows it still
 * holds. Waiting for a token or a rate slot can outlast the original lease; a row whose claim
 * lapsed may already be with another worker, so it is left out instead of sent twice.
 */
export async function renewClaims<T extends { id: string }>(store: Store, workerId: string, batch: T[], leaseMs: number): Promise<T[]> {
  if (batch.length === 0) return [];
  const now = new Date();
  const heldIds = await renewSignupClaims(
    store,
    workerId,
    batch.map((signup) => signup.id),
    now,
    new Date(now.getTime() + leaseMs),
  );
  return batch.filter((signup) => heldIds.has(signup.id));
}
