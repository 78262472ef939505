// The per-address signup throttle: a budget per tenant and client address, refusals carry a wait —
// in memory on SQLite, in the shared counter table on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consumeSignupAllowance, signupLimiter } from "@switchboard/lib/signups/intake/intake-rate-limiter";
import { createTestDatabase, testProviders, type TestDatabase } from "@/tests/helpers/databases";

describe.each(testProviders)("signup rate limiter on %s", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => database?.drop());

  it("refuses an address past its budget with a Retry-After, while other addresses and tenants keep theirs", async () => {
    const limiter = signupLimiter(database.store, { points: 2, windowSeconds: 60 });
    // One limiter per store: the form and the API path count against the same budget.
    expect(signupLimiter(database.store, { points: 2, windowSeconds: 60 })).toBe(limiter);

    expect(await consumeSignupAllowance(limiter, "tenant-1", "203.0.113.7")).toEqual({ allowed: true });
    expect(await consumeSignupAllowance(limiter, "tenant-1", "203.0.113.7")).toEqual({ allowed: true });
    const refused = await consumeSignupAllowance(limiter, "tenant-1", "203.0.113.7");
    expect(refused).toMatchObject({ allowed: false });
    if (refused.allowed) throw new Error("expected a refusal");
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);

    expect(await consumeSignupAllowance(limiter, "tenant-1", "203.0.113.8")).toEqual({ allowed: true });
    expect(await consumeSignupAllowance(limiter, "tenant-2", "203.0.113.7")).toEqual({ allowed: true });
    // On PostgreSQL the counters are rows every app instance shares; on SQLite none are written.
    expect(await database.db.signupRateLimit.count()).toBe(provider === "postgresql" ? 3 : 0);
  });
});
