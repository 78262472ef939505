// Slows down password guessing. Failures are counted per key ("email:…" and "ip:…") in the
// LoginThrottle table, so every app instance sees the same counts; past a free allowance each
// further failure locks the key for twice as long as the previous one.
import type { Db } from "@/lib/db/create-client";
import { isUniqueViolation } from "@/lib/db/unique-violation";

export type ThrottlePolicy = {
  /** Failures allowed inside one window before locking starts. */
  freeFailures: number;
  windowMs: number;
  baseLockMs: number;
  maxLockMs: number;
};

// Per email: a person mistyping gets five tries; a guesser gets a handful per hour.
export const EMAIL_THROTTLE: ThrottlePolicy = { freeFailures: 5, windowMs: 60 * 60_000, baseLockMs: 15_000, maxLockMs: 15 * 60_000 };
// Per IP: looser, because offices and NAT share addresses; catches one client spraying many emails.
export const IP_THROTTLE: ThrottlePolicy = { freeFailures: 20, windowMs: 60 * 60_000, baseLockMs: 15_000, maxLockMs: 15 * 60_000 };

export type ThrottleStatus = { locked: false } | { locked: true; retryAfterSeconds: number };

export function lockDurationMs(failures: number, policy: ThrottlePolicy): number {
  const excess = failures - policy.freeFailures;
  if (excess <= 0) return 0;
  return Math.min(policy.baseLockMs * 2 ** (excess - 1), policy.maxLockMs);
}

export async function checkLoginThrottle(db: Db, keys: string[], now: Date = new Date()): Promise<ThrottleStatus> {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } } });
  const latest = Math.max(0, ...rows.map((row) => row.lockedUntil?.getTime() ?? 0));
  if (latest <= now.getTime()) return { locked: false };
  return { locked: true, retryAfterSeconds: Math.ceil((latest - now.getTime()) / 1000) };
}

/** Counts one failure for `key` and locks it when the policy says so; returns the failure count. */
export async function recordLoginFailure(db: Db, key: string, policy: ThrottlePolicy, now: Date = new Date()): Promise<number> {
  const failures = await incrementFailures(db, key, policy, now);
  const lockMs = lockDurationMs(failures, policy);
  if (lockMs > 0) {
    await db.loginThrottle.update({ where: { key }, data: { lockedUntil: new Date(now.getTime() + lockMs) } });
  }
  return failures;
}

export async function clearLoginFailures(db: Db, key: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key } });
}

async function incrementFailures(db: Db, key: string, policy: ThrottlePolicy, now: Date): Promise<number> {
  const row = await db.loginThrottle.findUnique({ where: { key } });
  const windowOpen = row !== null && row.windowStart.getTime() + policy.windowMs > now.getTime();
  if (windowOpen) {
    // An atomic increment, so concurrent failures from several instances are all counted.
    const updated = await db.loginThrottle.update({ where: { key }, data: { failures: { increment: 1 } } });
    return updated.failures;
  }
  // A new window is the moment to forget keys of this kind whose window and lock are both over,
  // so failed attempts against made-up emails or addresses cannot grow the table without bound.
  await pruneStaleLoginThrottles(db, key, policy, now);
  try {
    await db.loginThrottle.upsert({
      where: { key },
      create: { key, failures: 1, windowStart: now },
      update: { failures: 1, windowStart: now, lockedUntil: null },
    });
    return 1;
  } catch (error) {
    // Another instance created the row between our read and write: count on top of theirs.
    if (!isUniqueViolation(error)) throw error;
    const updated = await db.loginThrottle.update({ where: { key }, data: { failures: { increment: 1 } } });
    return updated.failures;
  }
}

/** Deletes rows of the same key kind ("email:" or "ip:") that no longer count or lock anything. */
export async function pruneStaleLoginThrottles(db: Db, key: string, policy: ThrottlePolicy, now: Date): Promise<number> {
  const kind = key.slice(0, key.indexOf(":") + 1);
  const { count } = await db.loginThrottle.deleteMany({
    where: {
      key: { startsWith: kind },
      windowStart: { lte: new Date(now.getTime() - policy.windowMs) },
      OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }],
    },
  });
  return count;
}
