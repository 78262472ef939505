// getValidAccessToken(db, connectionId): the only way code obtains a usable access token.
// Refreshes ahead of expiry; at most ONE refresh per connection runs at a time across all
// processes (the row lease, refresh.ts), and concurrent callers wait and then reuse the token it
// stored. withAccessToken runs one provider call and survives a token refused before its expiry.
import type { Db } from "@/lib/db/create-client";
import { markNeedsReconnect } from "../connection-status";
import { AccessTokenRejectedError, NeedsReconnectError, ProviderUnavailableError, UndecryptableTokenError } from "../errors";
import { defaultIntegrationServices, type IntegrationServices } from "../services";
import { acquireRefreshLease, needsRefresh, newLeaseOwner, refreshHoldingLease, stillUsable } from "./refresh";
import { loadTokenRow, openAccessToken, type TokenRow } from "./stored-tokens";

export { NeedsReconnectError, ProviderUnavailableError };

/** How long a caller waits for another process's refresh before giving up (> the lease TTL). */
const WAIT_LIMIT_MS = 75_000;

export async function getValidAccessToken(
  db: Db,
  connectionId: string,
  services: IntegrationServices = defaultIntegrationServices(),
): Promise<string> {
  return (await getFreshAccessToken(db, connectionId, services)).token;
}

/** The same, with the expiry of the token handed out (for callers that cache it, like the host API). */
export type FreshAccessToken = { token: string; expiresAt: Date | null };

export async function getFreshAccessToken(
  db: Db,
  connectionId: string,
  services: IntegrationServices = defaultIntegrationServices(),
  /** The row as the caller just read it (loadTokenRow), to save a query on a hot path. */
  preloaded?: TokenRow | null,
): Promise<FreshAccessToken> {
  try {
    const row = usableRow(preloaded === undefined ? await loadTokenRow(db, connectionId) : preloaded, connectionId);
    if (row.accessTokenCiphertext && !needsRefresh(row.accessTokenExpiresAt, row.lastRefreshedAt)) {
      return { token: openAccessToken(services.keyRing, row), expiresAt: row.accessTokenExpiresAt };
    }
    // Callers in this process share one wait; the lease arbitrates between processes.
    return await singleFlight(connectionId, () => refreshOrWait(db, connectionId, services));
  } catch (error) {
    // A token we can no longer decrypt (keys changed, row tampered with) is as dead as a revoked
    // one: say so on the card, or the sync would wait on a connection that looks healthy.
    if (error instanceof UndecryptableTokenError) await markNeedsReconnect(db, connectionId, error.message);
    throw error;
  }
}

/**
 * The provider no longer accepts the stored access token: mark it expired, so the next
 * getValidAccessToken (here or in any process) refreshes instead of handing it out again.
 */
export async function forgetAccessToken(db: Db, connectionId: string): Promise<void> {
  await db.connection.updateMany({ where: { id: connectionId }, data: { accessTokenExpiresAt: new Date() } });
}

/**
 * Runs one provider call with the connection's access token. A token refused before its recorded
 * expiry (revoked early, rotated) is dropped, a fresh one is taken from the refresh token and the
 * call is tried once more; only when that fails too does the caller see the grant as gone.
 */
export async function withAccessToken<T>(
  db: Db,
  connectionId: string,
  services: IntegrationServices,
  call: (accessToken: string) => Promise<T>,
): Promise<T> {
  try {
    return await call(await getValidAccessToken(db, connectionId, services));
  } catch (error) {
    if (!(error instanceof AccessTokenRejectedError)) throw error;
  }
  await forgetAccessToken(db, connectionId);
  return call(await getValidAccessToken(db, connectionId, services));
}

async function refreshOrWait(db: Db, connectionId: string, services: IntegrationServices): Promise<FreshAccessToken> {
  const owner = newLeaseOwner();
  const deadline = Date.now() + WAIT_LIMIT_MS;
  let failuresWhenWeStarted: number | undefined;
  for (let round = 0; ; round++) {
    const row = usableRow(await loadTokenRow(db, connectionId), connectionId);
    if (row.accessTokenCiphertext && !needsRefresh(row.accessTokenExpiresAt, row.lastRefreshedAt)) {
      return { token: openAccessToken(services.keyRing, row), expiresAt: row.accessTokenExpiresAt };
    }
    failuresWhenWeStarted ??= row.consecutiveFailures;
    if (row.consecutiveFailures > failuresWhenWeStarted) {
      // Another process just tried and failed: don't pile a second round of retries onto HubSpot.
      if (row.accessTokenCiphertext && stillUsable(row.accessTokenExpiresAt)) {
        return { token: openAccessToken(services.keyRing, row), expiresAt: row.accessTokenExpiresAt };
      }
      throw new ProviderUnavailableError("HubSpot is not answering token refreshes right now", connectionId);
    }
    if (await acquireRefreshLease(db, connectionId, owner)) {
      const outcome = await refreshHoldingLease(db, connectionId, owner, services);
      if (outcome.kind === "token") return { token: outcome.token, expiresAt: outcome.expiresAt };
      // "lost": our lease expired or a reconnect replaced the tokens meanwhile; read again.
    } else if (Date.now() > deadline) {
      throw new ProviderUnavailableError("Timed out waiting for another token refresh to finish", connectionId);
    } else {
      await pause(round);
    }
  }
}

function usableRow(row: TokenRow | null, connectionId: string): TokenRow {
  if (!row) throw new NeedsReconnectError("This connection no longer exists", connectionId);
  if (row.status === "NEEDS_RECONNECT") {
    throw new NeedsReconnectError("HubSpot access was revoked or is incomplete: reconnect the portal", connectionId);
  }
  if (!row.refreshTokenCiphertext) throw new NeedsReconnectError("No stored grant: reconnect the portal", connectionId);
  return row;
}

// Concurrent callers for one connection inside this process share one promise.
const inFlight = new Map<string, Promise<unknown>>();

function singleFlight<T>(key: string, work: () => Promise<T>): Promise<T> {
  const existing = inFlight.get(key);
  if (existing) return existing as Promise<T>;
  const promise = work().finally(() => inFlight.delete(key));
  inFlight.set(key, promise);
  return promise;
}

// Small, growing, jittered pauses: 200 waiters must not poll the database in lockstep.
function pause(round: number): Promise<void> {
  const base = Math.min(25 * 1.5 ** round, 500);
  return new Promise((resolve) => setTimeout(resolve, base / 2 + Math.random() * base));
}
