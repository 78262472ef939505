// Access tokens for the sync, reused across passes. Looking up (and decrypting) a connection's
// access token costs more than a whole batch's bookkeeping, and a pass needs one per tenant; a
// token stays valid far longer than a pass. It is looked up again after TOKEN_REUSE_MS (well inside
// the refresh margin, so a reused token is never one the refresh would have replaced), and at once
// after HubSpot refused it (forgetCachedAccessToken).
import type { SyncDeps } from "./sync-deps";

const TOKEN_REUSE_MS = 30_000;
const MAX_CONNECTIONS = 1_000;

const cacheByDeps = new WeakMap<SyncDeps, Map<string, { accessToken: string; until: number }>>();

export async function cachedAccessToken(deps: SyncDeps, connectionId: string): Promise<string> {
  let cache = cacheByDeps.get(deps);
  if (!cache) {
    cache = new Map();
    cacheByDeps.set(deps, cache);
  }
  const now = Date.now();
  const cached = cache.get(connectionId);
  if (cached && cached.until > now) return cached.accessToken;
  const accessToken = await deps.accessToken(deps.db, connectionId);
  // Oldest first out: a platform with more connected portals than this rotates through them.
  if (cache.size >= MAX_CONNECTIONS) cache.delete(cache.keys().next().value!);
  cache.delete(connectionId);
  cache.set(connectionId, { accessToken, until: now + TOKEN_REUSE_MS });
  return accessToken;
}

/** HubSpot refused the token: the next batch looks it up (and refreshes it) again. */
export function forgetCachedAccessToken(deps: SyncDeps, connectionId: string): void {
  cacheByDeps.get(deps)?.delete(connectionId);
}
