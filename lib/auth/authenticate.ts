// Email + password check with throttling, for sign-in and for "change password" alike. The only
// outcomes a caller can show are "signed in", "wrong email or password" (never which one: an
// AppError "unauthenticated") and "too many attempts" (an AppError "rate_limited").
import { AppError } from "@/lib/app-error";
import type { Db } from "@/lib/db/create-client";
import {
  EMAIL_SLOWDOWN,
  EMAIL_THROTTLE,
  IP_THROTTLE,
  checkLoginThrottle,
  clearLoginFailures,
  countLoginFailure,
  emailSlowdownMs,
  recordLoginFailure,
} from "./login-throttle";
import { DUMMY_PASSWORD_HASH, normalizeEmail, verifyPassword } from "./password";

export type AuthenticatedUser = { id: string; email: string; name: string | null };

const INVALID_CREDENTIALS_MESSAGE = "The email or password is incorrect.";
const THROTTLED_MESSAGE = "Too many failed attempts. Please wait a few minutes and try again.";

export type PasswordAttempt = { email: string; password: string; ip: string | null };

const pauseFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function authenticateWithPassword(
  db: Db,
  attempt: PasswordAttempt,
  now: Date = new Date(),
  pause: (ms: number) => Promise<void> = pauseFor,
): Promise<AuthenticatedUser> {
  const email = normalizeEmail(attempt.email);
  const clientKey = `client:${email}|${attempt.ip ?? "unknown"}`;
  const emailKey = `email:${email}`;
  const ipKey = attempt.ip ? `ip:${attempt.ip}` : null;

  // Only this client's own failures (on this account, or on many accounts) can lock it out.
  const throttle = await checkLoginThrottle(db, ipKey ? [clientKey, ipKey] : [clientKey], now);
  if (throttle.locked) throw new AppError("rate_limited", THROTTLED_MESSAGE, { retryAfterSeconds: throttle.retryAfterSeconds });
  const slowdown = await emailSlowdownMs(db, emailKey, now);
  if (slowdown > 0) await pause(slowdown);

  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
  const passwordMatches = await verifyPassword(attempt.password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !passwordMatches) {
    await recordLoginFailure(db, clientKey, EMAIL_THROTTLE, now);
    await countLoginFailure(db, emailKey, EMAIL_SLOWDOWN.windowMs, now);
    if (ipKey) await recordLoginFailure(db, ipKey, IP_THROTTLE, now);
    throw new AppError("unauthenticated", INVALID_CREDENTIALS_MESSAGE);
  }

  // Only the account's counters reset: a guesser with one valid account must not clear its IP's.
  await clearLoginFailures(db, clientKey);
  await clearLoginFailures(db, emailKey);
  return { id: user.id, email: user.email, name: user.name };
}
