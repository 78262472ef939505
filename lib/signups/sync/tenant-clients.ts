// HubSpot clients for the sync, reused across passes. Looking up (and decrypting) a connection's
// access token and building an SDK client cost more than a whole batch's bookkeeping, and a pass
// needs one per tenant; both stay valid far longer than a pass. A token is looked up again after
// TOKEN_REUSE_MS, and at once after HubSpot refused it (forget).
import type { Client } from "@hubspot/api-client";
import type { SyncDeps } from "./sync-deps";

const TOKEN_REUSE_MS = 30_000;
const MAX_CLIENTS = 1_000;

interface Cached {
  client: Client;
  until: number;
}

const cacheByDeps = new WeakMap<SyncDeps, Map<string, Cached>>();

export async function clientFor(deps: SyncDeps, connectionId: string): Promise<Client> {
  let cache = cacheByDeps.get(deps);
  if (!cache) {
    cache = new Map();
    cacheByDeps.set(deps, cache);
  }
  const now = Date.now();
  const cached = cache.get(connectionId);
  if (cached && cached.until > now) return cached.client;
  const client = deps.apiClient(await deps.accessToken(deps.db, connectionId));
  // Oldest first out: a platform with more connected portals than this rotates through them.
  if (cache.size >= MAX_CLIENTS) cache.delete(cache.keys().next().value!);
  cache.delete(connectionId);
  cache.set(connectionId, { client, until: now + TOKEN_REUSE_MS });
  return client;
}

/** HubSpot refused the token: the next batch looks it up (and refreshes it) again. */
export function forgetClient(deps: SyncDeps, connectionId: string): void {
  cacheByDeps.get(deps)?.delete(connectionId);
}
