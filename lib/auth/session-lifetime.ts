// The absolute lifetime of a sign-in. Auth.js re-issues a JWT session on every read with a fresh
// expiry, so activity alone would keep a stolen or forgotten session alive forever. We stamp the
// moment of sign-in into the token once, refuse the token after SESSION_MAX_AGE_HOURS from then,
// and encode every re-issued token with only the time that is left. Free of database access, so
// the proxy enforces it as well.
import type { JWT } from "next-auth/jwt";

const SIGNED_IN_AT = "signedInAt";

export function sessionMaxAgeSeconds(env: { SESSION_MAX_AGE_HOURS: number }): number {
  return Math.max(1, Math.round(env.SESSION_MAX_AGE_HOURS * 3600));
}

export function stampSignIn(token: JWT, nowMs: number = Date.now()): JWT {
  return { ...token, [SIGNED_IN_AT]: Math.floor(nowMs / 1000) };
}

/** When the session ends (ms since epoch); 0 for a token without a valid stamp (issued before). */
export function sessionEndsAtMs(token: JWT, maxAgeSeconds: number): number {
  const signedInAt = token[SIGNED_IN_AT];
  if (typeof signedInAt !== "number" || !Number.isFinite(signedInAt)) return 0;
  return (signedInAt + maxAgeSeconds) * 1000;
}

export function isWithinLifetime(token: JWT, maxAgeSeconds: number, nowMs: number = Date.now()): boolean {
  return sessionEndsAtMs(token, maxAgeSeconds) > nowMs;
}

/** Seconds the re-issued token may live: what is left of the sign-in, never a fresh full term. */
export function remainingSeconds(token: JWT | undefined, maxAgeSeconds: number, nowMs: number = Date.now()): number {
  if (!token) return maxAgeSeconds;
  const endsAt = sessionEndsAtMs(token, maxAgeSeconds);
  return Math.max(1, Math.floor((endsAt - nowMs) / 1000));
}
