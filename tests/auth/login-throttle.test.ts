import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  EMAIL_THROTTLE,
  checkLoginThrottle,
  clearLoginFailures,
  lockDurationMs,
  recordLoginFailure,
  type ThrottlePolicy,
} from "@switchboard/lib/auth/login-throttle";
import { createTestDatabase, testProviders, type TestDatabase } from "@/tests/helpers/databases";

const policy: ThrottlePolicy = { freeFailures: 3, windowMs: 60_000, baseLockMs: 10_000, maxLockMs: 40_000 };
const at = (seconds: number) => new Date(Date.UTC(2026, 10, 22, 12, 0, seconds));

describe("lock duration", () => {
  it("is zero within the free allowance, then doubles up to the cap", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((failures) => lockDurationMs(failures, policy))).toEqual([
      0, 0, 0, 10_000, 20_000, 40_000, 40_000, 40_000,
    ]);
  });

  it("gives a person five tries per email before any delay", () => {
    expect(lockDurationMs(EMAIL_THROTTLE.freeFailures, EMAIL_THROTTLE)).toBe(0);
    expect(lockDurationMs(EMAIL_THROTTLE.freeFailures + 1, EMAIL_THROTTLE)).toBeGreaterThan(0);
  });
});

describe.each(testProviders)("login throttle on %s", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => database?.drop());
  beforeEach(async () => database.reset());

  it("does not lock within the free allowance", async () => {
    for (let i = 0; i < policy.freeFailures; i++) await recordLoginFailure(database.db, "email:a@x.test", policy, at(i));
    expect(await checkLoginThrottle(database.db, ["email:a@x.test"], at(5))).toEqual({ locked: false });
  });

  it("locks after too many failures, tells how long, and unlocks when the time has passed", async () => {
    for (let i = 0; i <= policy.freeFailures; i++) await recordLoginFailure(database.db, "email:a@x.test", policy, at(0));
    expect(await checkLoginThrottle(database.db, ["email:a@x.test"], at(4))).toEqual({ locked: true, retryAfterSeconds: 6 });
    expect(await checkLoginThrottle(database.db, ["email:a@x.test"], at(10))).toEqual({ locked: false });
  });

  it("locks longer with every further failure", async () => {
    for (let i = 0; i < policy.freeFailures + 2; i++) await recordLoginFailure(database.db, "ip:10.0.0.1", policy, at(0));
    expect(await checkLoginThrottle(database.db, ["ip:10.0.0.1"], at(0))).toEqual({ locked: true, retryAfterSeconds: 20 });
  });

  it("is locked when any of the keys is locked, and keys are independent", async () => {
    for (let i = 0; i <= policy.freeFailures; i++) await recordLoginFailure(database.db, "ip:10.0.0.2", policy, at(0));
    expect((await checkLoginThrottle(database.db, ["email:b@x.test", "ip:10.0.0.2"], at(1))).locked).toBe(true);
    expect((await checkLoginThrottle(database.db, ["email:b@x.test", "ip:10.0.0.3"], at(1))).locked).toBe(false);
  });

  it("starts counting afresh once the window has passed", async () => {
    for (let i = 0; i < policy.freeFailures; i++) await recordLoginFailure(database.db, "email:c@x.test", policy, at(0));
    const later = new Date(at(0).getTime() + policy.windowMs + 1_000);
    expect(await recordLoginFailure(database.db, "email:c@x.test", policy, later)).toBe(1);
    expect((await checkLoginThrottle(database.db, ["email:c@x.test"], later)).locked).toBe(false);
  });

  it("counts concurrent failures from several instances exactly", async () => {
    await recordLoginFailure(database.db, "email:d@x.test", policy, at(0));
    await Promise.all(Array.from({ length: 5 }, () => recordLoginFailure(database.db, "email:d@x.test", policy, at(1))));
    const row = await database.db.loginThrottle.findUnique({ where: { key: "email:d@x.test" } });
    expect(row?.failures).toBe(6);
  });

  it("prunes keys of the same kind whose window and lock are over when a new window starts", async () => {
    await recordLoginFailure(database.db, "ip:stale", policy, at(0));
    for (let i = 0; i < 5; i++) await recordLoginFailure(database.db, "ip:recent", policy, at(30));
    await recordLoginFailure(database.db, "email:stale@example.com", policy, at(0));
    await recordLoginFailure(database.db, "ip:fresh", policy, at(61));
    const keys = (await database.db.loginThrottle.findMany({ orderBy: { key: "asc" } })).map((row) => row.key);
    // ip:stale's window ended at 60; ip:recent's (from 30) is still open; emails are pruned by email failures.
    expect(keys).toEqual(["email:stale@example.com", "ip:fresh", "ip:recent"]);
  });

  it("forgets a key when cleared", async () => {
    for (let i = 0; i <= policy.freeFailures; i++) await recordLoginFailure(database.db, "email:e@x.test", policy, at(0));
    await clearLoginFailures(database.db, "email:e@x.test");
    expect(await checkLoginThrottle(database.db, ["email:e@x.test"], at(1))).toEqual({ locked: false });
  });
});
