// The rate limiters' counter tables (created by the migrations: api_rate_limits, signup_rate_limits).
// On PostgreSQL every app instance shares one budget through them, over the store's one pool; on
// SQLite (one process serves) the in-memory limiter the caller passes as `insurance` is the limiter.
import { RateLimiterPostgres, type RateLimiterAbstract, type RateLimiterMemory } from "rate-limiter-flexible";
import type { Store } from "../store";

export type CounterTableLimiter = {
  tableName: string;
  keyPrefix: string;
  points: number;
  duration: number;
  /** rate-limiter-flexible's own sweep (hourly, in processes that live 5 minutes); false when the caller prunes. */
  clearExpiredByTimeout: boolean;
  /** Answers alone on SQLite, and on PostgreSQL while the database hiccups (per instance rather than failing calls). */
  insurance: RateLimiterMemory;
};

export function counterTableLimiter(store: Store, options: CounterTableLimiter): RateLimiterAbstract {
  const postgres = store.pool();
  if (!postgres) return options.insurance;
  return new RateLimiterPostgres({
    storeClient: postgres.pool,
    storeType: "pool",
    tableName: options.tableName,
    // The app never runs DDL.
    tableCreated: true,
    schemaName: postgres.schema,
    keyPrefix: options.keyPrefix,
    points: options.points,
    duration: options.duration,
    clearExpiredByTimeout: options.clearExpiredByTimeout,
    insuranceLimiter: options.insurance,
  });
}

/** Deletes a counter table's rows whose window ended before `nowMs`; returns how many (0 on SQLite: no table in use). */
export async function pruneExpiredCounters(store: Store, tableName: string, nowMs: number): Promise<number> {
  const postgres = store.pool();
  if (!postgres) return 0;
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const table = postgres.schema ? `${quote(postgres.schema)}.${quote(tableName)}` : quote(tableName);
  const result = await postgres.pool.query(`DELETE FROM ${table} WHERE "expire" < $1`, [nowMs]);
  return result.rowCount ?? 0;
}
