// Access tokens for the sync, reused across passes. Looking up (and decrypting) a connection's
// access token costs more than a whole batch's bookkeeping; a token stays valid far longer than a
// pass. It is looked up again after TOKEN_REUSE_MS (well inside the refresh margin, so a reused token
// is never one the refresh would have replaced), and at once after HubSpot refused it
// (forgetCachedAccessToken). A pass looks up the tokens its tenants lack all at once: one query
// for a thousand small tenants' connections, not one each.
import type { TokenRow } from "@/lib/integrations/tokens/stored-tokens";
import { loadTokenRows } from "@/lib/integrations/tokens/stored-tokens";
import type { SyncDeps } from "./sync-deps";

const TOKEN_REUSE_MS = 30_000;
// A platform's connections, and then some: an entry is a few hundred bytes.
const MAX_CONNECTIONS = 50_000;

type Cache = Map<string, { accessToken: string; until: number }>;
const cacheByDeps = new WeakMap<SyncDeps, Cache>();

function cacheOf(deps: SyncDeps): Cache {
  let cache = cacheByDeps.get(deps);
  if (!cache) {
    cache = new Map();
    cacheByDeps.set(deps, cache);
  }
  return cache;
}

function remember(cache: Cache, connectionId: string, accessToken: string, now: number): void {
  // Oldest first out: a platform with more connected portals than this rotates through them.
  if (cache.size >= MAX_CONNECTIONS) cache.delete(cache.keys().next().value!);
  cache.delete(connectionId);
  cache.set(connectionId, { accessToken, until: now + TOKEN_REUSE_MS });
}

export async function cachedAccessToken(deps: SyncDeps, connectionId: string, preloaded?: TokenRow | null): Promise<string> {
  const cache = cacheOf(deps);
  const now = Date.now();
  const cached = cache.get(connectionId);
  if (cached && cached.until > now) return cached.accessToken;
  const accessToken = await deps.accessToken(deps.db, connectionId, preloaded);
  remember(cache, connectionId, accessToken, now);
  return accessToken;
}

export type TokenLookup = { ok: true; accessToken: string } | { ok: false; error: unknown };

/** Each connection's token, or why there is none: those not reused are read in one query. */
export async function cachedAccessTokens(deps: SyncDeps, connectionIds: readonly string[]): Promise<Map<string, TokenLookup>> {
  const cache = cacheOf(deps);
  const now = Date.now();
  const missing = connectionIds.filter((connectionId) => !((cache.get(connectionId)?.until ?? 0) > now));
  const rows = await loadTokenRows(deps.db, missing);
  const lookups = new Map<string, TokenLookup>();
  await Promise.all(
    connectionIds.map(async (connectionId) => {
      try {
        lookups.set(connectionId, { ok: true, accessToken: await cachedAccessToken(deps, connectionId, rows.get(connectionId) ?? null) });
      } catch (error) {
        lookups.set(connectionId, { ok: false, error });
      }
    }),
  );
  return lookups;
}

/** HubSpot refused the token: the next batch looks it up (and refreshes it) again. */
export function forgetCachedAccessToken(deps: SyncDeps, connectionId: string): void {
  cacheByDeps.get(deps)?.delete(connectionId);
}
