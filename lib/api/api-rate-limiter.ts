// Requests per API key: in memory on SQLite (one process), in the api_rate_limits table on
// PostgreSQL so every app instance shares one budget per key. The verdict carries what the
// RateLimit/Retry-After headers need.
import { Pool } from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { databaseProvider, postgresSchema } from "@/lib/db/database-url";
import { serverEnv } from "@/lib/env/server";
import { log } from "@/lib/log";

export type ApiRateVerdict = { allowed: boolean; limit: number; remaining: number; resetSeconds: number; windowSeconds: number };

const limiters = new Map<string, RateLimiterAbstract>();

function limiterFor(databaseUrl: string): RateLimiterAbstract {
  let limiter = limiters.get(databaseUrl);
  if (!limiter) {
    const { API_RATE_LIMIT_POINTS: points, API_RATE_LIMIT_WINDOW_SECONDS: duration } = serverEnv();
    limiter = newApiLimiter(databaseUrl, points, duration);
    limiters.set(databaseUrl, limiter);
  }
  return limiter;
}

/** A limiter on this database (what every app instance creates; on PostgreSQL they share counters). */
export function newApiLimiter(databaseUrl: string, points: number, duration: number): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ keyPrefix: "api", points, duration });
  if (databaseProvider(databaseUrl) !== "postgresql") return memory;
  const pool = new Pool({ connectionString: postgresSchema(databaseUrl).connectionString, max: 4 });
  pool.on("error", (error) => log.warn("api rate-limit pool lost a connection", { error }));
  return new RateLimiterPostgres({
    storeClient: pool,
    storeType: "pool",
    // Created by the migrations (model ApiRateLimit): the app never runs DDL.
    tableName: "api_rate_limits",
    tableCreated: true,
    schemaName: postgresSchema(databaseUrl).schema,
    keyPrefix: "api",
    points,
    duration,
    clearExpiredByTimeout: true,
    // A database hiccup throttles per instance instead of failing every API call.
    insuranceLimiter: memory,
  });
}

export async function consumeApiAllowance(databaseUrl: string, keyId: string, limiter = limiterFor(databaseUrl)): Promise<ApiRateVerdict> {
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
