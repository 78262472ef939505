// Requests per API key: in memory on SQLite (one process), in the api_rate_limits table on
// PostgreSQL (lib/db/statements/limiter-tables.ts) so every app instance shares one budget per key.
// The verdict carries what the RateLimit/Retry-After headers need.
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { counterTableLimiter } from "@/lib/db/statements/limiter-tables";
import type { Store } from "@/lib/db/store";

export type ApiRateVerdict = { allowed: boolean; limit: number; remaining: number; resetSeconds: number; windowSeconds: number };

/** The store's API limiter, made on first use (what every app instance creates; on PostgreSQL they share counters). */
export function apiLimiter(store: Store, points: number, duration: number): RateLimiterAbstract {
  return store.shared("limiter:api", () => newApiLimiter(store, points, duration));
}

/** A limiter of its own on this store (tests compare two instances sharing counters). */
export function newApiLimiter(store: Store, points: number, duration: number): RateLimiterAbstract {
  return counterTableLimiter(store, {
    tableName: "api_rate_limits",
    keyPrefix: "api",
    points,
    duration,
    clearExpiredByTimeout: true,
    insurance: new RateLimiterMemory({ keyPrefix: "api", points, duration }),
  });
}

export async function consumeApiAllowance(limiter: RateLimiterAbstract, keyId: string): Promise<ApiRateVerdict> {
  const base = { limit: limiter.points, windowSeconds: limiter.duration };
  try {
    const result = await limiter.consume(keyId);
    return { ...base, allowed: true, remaining: result.remainingPoints, resetSeconds: Math.ceil(result.msBeforeNext / 1000) };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      return { ...base, allowed: false, remaining: 0, resetSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
    throw rejection;
  }
}

/** The IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers). */
export function rateLimitHeaders(verdict: ApiRateVerdict): Record<string, string> {
  return {
    "RateLimit-Policy": `"per-key";q=${verdict.limit};w=${verdict.windowSeconds}`,
    RateLimit: `"per-key";r=${verdict.remaining};t=${verdict.resetSeconds}`,
    ...(verdict.allowed ? {} : { "Retry-After": String(verdict.resetSeconds) }),
  };
}
