// Per IP and tenant throttle for public signups. In memory on SQLite (one process serves the
// demo); on PostgreSQL the counters live in the database so every app instance shares them.
// One limiter per database per process: the form's server action and the API's direct path share it.
import { Pool } from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { databaseProvider, postgresSchema } from "@/lib/db/database-url";
import { log } from "@/lib/log";
import { serverEnv } from "@/lib/env/server";
import { pruneSignupCountersPeriodically, SIGNUP_COUNTER_TABLE } from "./signup-counter-pruning";

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const limiters = new Map<string, RateLimiterAbstract>();

function limiterFor(databaseUrl: string): RateLimiterAbstract {
  const existing = limiters.get(databaseUrl);
  if (existing) return existing;
  const { SIGNUP_RATE_LIMIT_POINTS: points, SIGNUP_RATE_LIMIT_WINDOW_SECONDS: duration } = serverEnv();
  const memory = new RateLimiterMemory({ keyPrefix: "signup", points, duration });
  const limiter = databaseProvider(databaseUrl) === "postgresql" ? postgresLimiter(databaseUrl, points, duration, memory) : memory;
  limiters.set(databaseUrl, limiter);
  log.info("signup rate limiter ready", { store: limiter === memory ? "memory" : "postgresql", points, windowSeconds: duration });
  return limiter;
}

function postgresLimiter(databaseUrl: string, points: number, duration: number, insurance: RateLimiterMemory): RateLimiterAbstract {
  const pool = sharedCounterPool(databaseUrl);
  const { schema } = postgresSchema(databaseUrl);
  pruneSignupCountersPeriodically(pool, schema);
  return new RateLimiterPostgres({
    storeClient: pool,
    storeType: "pool",
    // The table comes with the migrations (model SignupRateLimit): the app never runs DDL.
    tableName: SIGNUP_COUNTER_TABLE,
    tableCreated: true,
    schemaName: schema,
    keyPrefix: "signup",
    points,
    duration,
    // Ours prunes sooner (signup-counter-pruning.ts).
    clearExpiredByTimeout: false,
    // If the database hiccups, throttle per instance rather than failing signups.
    insuranceLimiter: insurance,
  });
}

function sharedCounterPool(databaseUrl: string): Pool {
  const pool = new Pool({ connectionString: postgresSchema(databaseUrl).connectionString, max: 4 });
  // An idle connection dropped by the server must not crash the app; the pool reconnects on demand.
  pool.on("error", (error) => log.warn("signup rate-limit pool lost a connection", { error }));
  return pool;
}

export async function consumeSignupAllowance(databaseUrl: string, tenantId: string, clientIp: string): Promise<RateLimitVerdict> {
  try {
    await limiterFor(databaseUrl).consume(`${tenantId}:${clientIp}`);
    return { allowed: true };
  } catch (rejection) {
    // A refusal is a RateLimiterRes; a store failure is an Error.
    if (rejection instanceof RateLimiterRes) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
    throw rejection;
  }
}
