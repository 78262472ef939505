// Keeps the PostgreSQL signup throttle table (signup_rate_limits) small. Every client address that
// ever signed up leaves a counter row; rate-limiter-flexible's own sweep only removes rows an hour
// after they expired, and only in a process that lives 5 minutes, so short-lived processes and a
// scan of made-up addresses let the table grow without bound. We delete expired rows every minute.
import type { Pool } from "pg";
import { log } from "@/lib/log";

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
