// What the consent steps need beyond the signup sync's own collaborators: the provider's consent
// calls, and how much of a portal's budget one pass may spend on them.
import type { ConsentProvider } from "@/lib/integrations/consent-calls";
import type { SyncDeps } from "../sync/sync-deps";

export type ConsentDeps = SyncDeps & { consent: ConsentProvider };

// A contact whose subscription step failed for a passing reason is tried again after this.
export const SUBSCRIPTION_RETRY_MS = 60_000;
// While a worker reads and writes one contact's subscription, no other worker takes it.
export const SUBSCRIPTION_LEASE_MS = 120_000;
// Signups one pass subscribes at most (across portals): each costs up to three calls.
export const SUBSCRIPTIONS_PER_PASS = 200;

export function hasScope(grantedScopes: string, scope: string): boolean {
  return grantedScopes.split(/\s+/).includes(scope);
}

export function hasAllScopes(grantedScopes: string, scopes: readonly string[]): boolean {
  return scopes.length > 0 && scopes.every((scope) => hasScope(grantedScopes, scope));
}
