// Per IP and tenant throttle for public signups. In memory on SQLite (one process serves the
// demo); on PostgreSQL the counters live in the database so every app instance shares them.
// One limiter per database per PROCESS: `npm start` loads this module twice (Next's bundle for the
// form's server action, and the server's direct path for the API), and both must count against the
// same budget — hence globalThis, and no `instanceof` on the other copy's RateLimiterRes.
import { Pool } from "pg";
import { RateLimiterMemory, RateLimiterPostgres, type RateLimiterAbstract } from "rate-limiter-flexible";
import { databaseProvider, postgresSchema } from "@/lib/db/database-url";
import { log } from "@/lib/log";
import { signupConfig } from "../signup-config";
import { pruneSignupCountersPeriodically, SIGNUP_COUNTER_TABLE } from "./signup-counter-pruning";

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const holder = globalThis as typeof globalThis & { __switchboardSignupLimiters?: Map<string, RateLimiterAbstract> };
const limiters = (holder.__switchboardSignupLimiters ??= new Map());

function limiterFor(databaseUrl: string): RateLimiterAbstract {
  const existing = limiters.get(databaseUrl);
  if (existing) return existing;
  const { SIGNUP_RATE_LIMIT_POINTS: points, SIGNUP_RATE_LIMIT_WINDOW_SECONDS: duration } = signupConfig();
  const memory = new RateLimiterMemory({ keyPrefix: "signup", points, duration });
  const limiter = databaseProvider(databaseUrl) === "postgresql" ? postgresLimiter(databaseUrl, points, duration, memory) : memory;
  limiters.set(databaseUrl, limiter);
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
    // A refusal is a RateLimiterRes (of whichever copy of the library made the limiter); a store
    // failure is an Error.
    const msBeforeNext = (rejection as { msBeforeNext?: unknown } | null)?.msBeforeNext;
    if (!(rejection instanceof Error) && typeof msBeforeNext === "number") {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)) };
    }
    throw rejection;
  }
}
