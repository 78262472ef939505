// Slows down password guessing without handing anyone a way to lock a person out. Failures are
// counted per key in the LoginThrottle table, so every app instance sees the same counts:
// - "client:<email>|<address>" locks (past a free allowance, each further failure twice as long):
//   one client guessing one account. Someone else's failures never lock the owner's own address.
// - "ip:<address>" locks too, looser: one client spraying many accounts.
// - "email:<email>" never locks; many failures from many addresses only SLOW every answer for that
//   account (emailSlowdownMs), which costs a botnet time but never refuses the right password.
import type { Db } from "@/lib/db/create-client";
import { isUniqueViolation } from "@/lib/db/unique-violation";

export type ThrottlePolicy = {
  /** Failures allowed inside one window before locking starts. */
  freeFailures: number;
  windowMs: number;
  baseLockMs: number;
  maxLockMs: number;
};

// Per email and client address: a person mistyping gets five tries; a guesser a handful per hour.
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

// Per email across all addresses: no delay for the first 10 failures in an hour, then 250 ms more
// per failure, at most 3 s per answer.
export const EMAIL_SLOWDOWN = { freeFailures: 10, windowMs: 60 * 60_000, stepMs: 250, maxMs: 3_000 };

/** Counts one failure for `key` without ever locking it. */
export async function countLoginFailure(db: Db, key: string, windowMs: number, now: Date = new Date()): Promise<number> {
  return incrementFailures(db, key, { freeFailures: Number.MAX_SAFE_INTEGER, windowMs, baseLockMs: 0, maxLockMs: 0 }, now);
}

/** How long to hold every answer for an account that many addresses have failed on lately. */
export async function emailSlowdownMs(db: Db, emailKey: string, now: Date = new Date()): Promise<number> {
  const row = await db.loginThrottle.findUnique({ where: { key: emailKey } });
  if (!row || row.windowStart.getTime() + EMAIL_SLOWDOWN.windowMs <= now.getTime()) return 0;
  const excess = row.failures - EMAIL_SLOWDOWN.freeFailures;
  return excess > 0 ? Math.min(excess * EMAIL_SLOWDOWN.stepMs, EMAIL_SLOWDOWN.maxMs) : 0;
}

export async function clearLoginFailures(db: Db, key: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key } });
}

/** After the owner proved control of the mailbox (a password reset): every counter of the account. */
export async function clearAccountLoginFailures(db: Db, email: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { OR: [{ key: `email:${email}` }, { key: { startsWith: `client:${email}|` } }] } });
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
