// Per IP and tenant throttle for public signups. In memory on SQLite (one process serves the
// demo); on PostgreSQL the counters live in the database so every app instance shares them.
// One limiter per database per process: the form's server action and the API's direct path share it.
import { Pool } from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { databaseProvider, postgresSchema } from "@/lib/db/database-url";
import { log } from "@/lib/log";
import { serverEnv } from "@/lib/env/server";

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
    // Ours prunes sooner (below).
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

// Keeps the PostgreSQL signup throttle table small. Every client address that ever signed up leaves
// a counter row; rate-limiter-flexible's own sweep only removes rows an hour after they expired, and
// only in a process that lives 5 minutes, so short-lived processes and a scan of made-up addresses
// let the table grow without bound. We delete expired rows every minute.
export const SIGNUP_COUNTER_TABLE = "signup_rate_limits";
const PRUNE_EVERY_MS = 60_000;

/** Deletes counters whose window is over; returns how many. */
export async function pruneExpiredSignupCounters(pool: Pool, schema: string | undefined, nowMs: number = Date.now()): Promise<number> {
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const table = schema ? `${quote(schema)}.${quote(SIGNUP_COUNTER_TABLE)}` : quote(SIGNUP_COUNTER_TABLE);
  const result = await pool.query(`DELETE FROM ${table} WHERE "expire" < $1`, [nowMs]);
  return result.rowCount ?? 0;
}

/** Prunes on a timer that never keeps the process alive; a failed round is retried next time. */
export function pruneSignupCountersPeriodically(pool: Pool, schema: string | undefined): void {
  const timer = setInterval(() => {
    pruneExpiredSignupCounters(pool, schema).catch((error: unknown) => log.warn("pruning signup rate-limit counters failed", { error }));
  }, PRUNE_EVERY_MS);
  timer.unref();
}
