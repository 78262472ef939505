// Per IP and tenant throttle for public signups: in memory on SQLite (one process serves the demo);
// on PostgreSQL the counters live in the database (lib/db/statements/limiter-tables.ts) so every
// app instance shares them. One limiter per store: the form's server action and the API's direct
// path share it.
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { counterTableLimiter, pruneExpiredCounters } from "@/lib/db/statements/limiter-tables";
import type { Store } from "@/lib/db/store";
import { log } from "@/lib/log";

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export type SignupLimits = { points: number; windowSeconds: number };

/** The store's signup limiter, made on first use (and its counters pruned from then on). */
export function signupLimiter(store: Store, limits: SignupLimits): RateLimiterAbstract {
  return store.shared("limiter:signup", () => {
    const memory = new RateLimiterMemory({ keyPrefix: "signup", points: limits.points, duration: limits.windowSeconds });
    const limiter = counterTableLimiter(store, {
      tableName: SIGNUP_COUNTER_TABLE,
      keyPrefix: "signup",
      points: limits.points,
      duration: limits.windowSeconds,
      // Ours prunes sooner (below).
      clearExpiredByTimeout: false,
      insurance: memory,
    });
    if (limiter !== memory) pruneSignupCountersPeriodically(store);
    log.info("signup rate limiter ready", {
      store: limiter === memory ? "memory" : "database",
      points: limits.points,
      windowSeconds: limits.windowSeconds,
    });
    return limiter;
  });
}

export async function consumeSignupAllowance(limiter: RateLimiterAbstract, tenantId: string, clientIp: string): Promise<RateLimitVerdict> {
  try {
    await limiter.consume(`${tenantId}:${clientIp}`);
    return { allowed: true };
  } catch (rejection) {
    // A refusal is a RateLimiterRes; a store failure is an Error.
    if (rejection instanceof RateLimiterRes) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
    throw rejection;
  }
}

// Keeps the PostgreSQL signup throttle table small. Every client address that ever signed up leaves
// a counter row; rate-limiter-flexible's own sweep only removes rows an hour after they expired, and
// only in a process that lives 5 minutes, so short-lived processes and a scan of made-up addresses
// let the table grow without bound. We delete expired rows every minute.
export const SIGNUP_COUNTER_TABLE = "signup_rate_limits";
const PRUNE_EVERY_MS = 60_000;

/** Deletes counters whose window is over; returns how many. */
export async function pruneExpiredSignupCounters(store: Store, nowMs: number = Date.now()): Promise<number> {
  return pruneExpiredCounters(store, SIGNUP_COUNTER_TABLE, nowMs);
}

/** Prunes on a timer that never keeps the process alive; a failed round is retried next time. */
export function pruneSignupCountersPeriodically(store: Store): void {
  const timer = setInterval(() => {
    pruneExpiredSignupCounters(store).catch((error: unknown) => log.warn("pruning signup rate-limit counters failed", { error }));
  }, PRUNE_EVERY_MS);
  timer.unref();
}
