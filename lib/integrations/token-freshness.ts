// When is a stored access token still good enough to hand out? Refresh ahead of expiry: with at
// most five minutes left — or half the token's lifetime, for providers issuing very short tokens
// (otherwise every call would refresh).
export const REFRESH_AHEAD_MS = 5 * 60_000;

/** A token this close to expiry is not handed out even as a fallback when a refresh failed. */
export const LAST_RESORT_MARGIN_MS = 30_000;

export function needsRefresh(
  expiresAt: Date | null,
  lastRefreshedAt: Date | null,
  now: Date = new Date(),
): boolean {
  if (!expiresAt) return true;
  const remaining = expiresAt.getTime() - now.getTime();
  const lifetime = lastRefreshedAt ? expiresAt.getTime() - lastRefreshedAt.getTime() : Number.POSITIVE_INFINITY;
  const margin = Math.min(REFRESH_AHEAD_MS, lifetime / 2);
  return remaining <= margin;
}

export function stillUsable(expiresAt: Date | null, now: Date = new Date()): boolean {
  return !!expiresAt && expiresAt.getTime() - now.getTime() > LAST_RESORT_MARGIN_MS;
}
