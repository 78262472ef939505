// Refreshing a connection's tokens. Freshness: refresh ahead of expiry. The lease: a
// compare-and-swap on the Connection row, so whoever turns an empty (or expired) lease into their
// own may call the provider and everyone else waits and reads (expiry lets another process take
// over when a holder crashed). The refresh itself, run only by the lease holder: call the provider
// (retrying outages), persist the new tokens with a compare-and-swap BEFORE anyone uses them, and
// turn failures into the right status (invalid_grant → Needs reconnect at once; outages → counted).
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { metrics } from "@/lib/metrics/registry";
import { connectionSubject, recordAuditEvent, SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { TokenDecryptionError } from "@/lib/crypto/token-cipher";
import type { Db } from "@/lib/db/create-client";
import { markNeedsReconnect, recordProviderFailure, recordProviderSuccess } from "../connection-status";
import { describeError, InvalidGrantError, NeedsReconnectError, ProviderUnavailableError } from "../errors";
import type { IntegrationProvider, TokenSet } from "../provider";
import type { IntegrationServices } from "../services";
import { loadTokenRow, openAccessToken, openToken, sealTokenSet, type TokenRow } from "./stored-tokens";

// When is a stored access token still good enough to hand out? With at most five minutes left —
// or half the token's lifetime, for providers issuing very short tokens — it is refreshed first.
export const REFRESH_AHEAD_MS = 5 * 60_000;

/** A token this close to expiry is not handed out even as a fallback when a refresh failed. */
export const LAST_RESORT_MARGIN_MS = 30_000;

export function needsRefresh(expiresAt: Date | null, lastRefreshedAt: Date | null, now: Date = new Date()): boolean {
  if (!expiresAt) return true;
  const remaining = expiresAt.getTime() - now.getTime();
  const lifetime = lastRefreshedAt ? expiresAt.getTime() - lastRefreshedAt.getTime() : Number.POSITIVE_INFINITY;
  const margin = Math.min(REFRESH_AHEAD_MS, lifetime / 2);
  return remaining <= margin;
}

export function stillUsable(expiresAt: Date | null, now: Date = new Date()): boolean {
  return !!expiresAt && expiresAt.getTime() - now.getTime() > LAST_RESORT_MARGIN_MS;
}

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

export type LeaseOutcome = { kind: "token"; token: string; expiresAt: Date | null } | { kind: "lost" };

const REFRESH_ATTEMPTS = 3;

/** The status reason when HubSpot refuses the refresh token (invalid_grant / BAD_REFRESH_TOKEN). */
export const UNINSTALLED_OR_REVOKED = "uninstalled or revoked in HubSpot";

export async function refreshHoldingLease(
  db: Db,
  connectionId: string,
  owner: string,
  services: IntegrationServices,
): Promise<LeaseOutcome> {
  try {
    return await refreshUnderLease(db, connectionId, owner, services);
  } finally {
    // Every planned path releases at the right moment already; this covers the unplanned ones
    // (a database error, a provider that is not configured), which would otherwise leave every
    // other caller waiting out the lease. Releasing is a no-op once we no longer hold it.
    await releaseRefreshLease(db, connectionId, owner).catch(() => undefined);
  }
}

async function refreshUnderLease(db: Db, connectionId: string, owner: string, services: IntegrationServices): Promise<LeaseOutcome> {
  // Re-read under the lease: another process may have finished a refresh since our last look.
  const row = await loadTokenRow(db, connectionId);
  if (!row || row.status === "NEEDS_RECONNECT" || !row.refreshTokenCiphertext) {
    await releaseRefreshLease(db, connectionId, owner);
    throw new NeedsReconnectError("HubSpot access was revoked or is incomplete: reconnect the portal", connectionId);
  }
  if (row.accessTokenCiphertext && !needsRefresh(row.accessTokenExpiresAt, row.lastRefreshedAt)) {
    await releaseRefreshLease(db, connectionId, owner);
    return { kind: "token", token: openAccessToken(services.keyRing, row), expiresAt: row.accessTokenExpiresAt };
  }

  let refreshToken: string;
  try {
    refreshToken = openToken(services.keyRing, row, "refreshToken", row.refreshTokenCiphertext);
  } catch (error) {
    if (!(error instanceof TokenDecryptionError)) throw error;
    return failPermanently(db, row, "The stored refresh token cannot be decrypted with the configured keys");
  }

  const result = await refreshWithRetries(services.provider(row.provider), refreshToken);
  metrics().tokenRefreshes.inc({
    outcome: result.ok ? "refreshed" : result.error instanceof InvalidGrantError ? "invalid_grant" : "unavailable",
  });
  if (result.ok) return persist(db, row, owner, services, result.tokens);
  if (result.error instanceof InvalidGrantError) {
    return failPermanently(db, row, UNINSTALLED_OR_REVOKED);
  }

  const reason = describeError(result.error);
  await auditRefreshFailure(db, row, `${reason} (after ${result.attempts} attempts)`);
  // Count the failure before releasing, so waiters that see the lease free also see the failure.
  // One failed operation, however many attempts it made: retries that succeed report nothing.
  await recordProviderFailure(db, row.id, reason, services.health);
  await releaseRefreshLease(db, row.id, owner);
  if (row.accessTokenCiphertext && stillUsable(row.accessTokenExpiresAt)) {
    return { kind: "token", token: openAccessToken(services.keyRing, row), expiresAt: row.accessTokenExpiresAt };
  }
  throw new ProviderUnavailableError(reason, row.id);
}

async function persist(db: Db, row: TokenRow, owner: string, services: IntegrationServices, tokens: TokenSet) {
  const { count } = await db.connection.updateMany({
    where: { id: row.id, refreshLeaseOwner: owner, tokenVersion: row.tokenVersion },
    data: {
      ...sealTokenSet(services.keyRing, row, tokens),
      accessTokenExpiresAt: tokens.expiresAt,
      lastRefreshedAt: new Date(),
      tokenVersion: { increment: 1 },
      refreshLeaseOwner: null,
      refreshLeaseExpiresAt: null,
    },
  });
  if (count !== 1) return { kind: "lost" } as const;
  if (row.consecutiveFailures > 0 || row.status !== "CONNECTED") await recordProviderSuccess(db, row.id);
  return { kind: "token", token: tokens.accessToken, expiresAt: tokens.expiresAt } as const;
}

async function failPermanently(db: Db, row: TokenRow, reason: string): Promise<never> {
  await auditRefreshFailure(db, row, reason);
  await markNeedsReconnect(db, row.id, reason);
  throw new NeedsReconnectError(reason, row.id);
}

async function auditRefreshFailure(db: Db, row: TokenRow, detail: string) {
  await recordAuditEvent(db, {
    tenantId: row.tenantId,
    connectionId: row.id,
    subject: connectionSubject(row.provider, row.portalId),
    actorLabel: SYSTEM_ACTOR,
    action: "refresh",
    outcome: "failure",
    detail,
  });
}

type RefreshResult = { ok: true; tokens: TokenSet } | { ok: false; error: unknown; attempts: number };

async function refreshWithRetries(provider: IntegrationProvider, refreshToken: string): Promise<RefreshResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return { ok: true, tokens: await provider.refresh(refreshToken) };
    } catch (error) {
      // Only outages are worth another try; invalid_grant and malformed answers will not change.
      if (!(error instanceof ProviderUnavailableError) || attempt >= REFRESH_ATTEMPTS) {
        return { ok: false, error, attempts: attempt };
      }
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** (attempt - 1) * (0.75 + Math.random() / 2)));
    }
  }
}
