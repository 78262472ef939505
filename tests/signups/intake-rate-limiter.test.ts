// The per-address signup throttle: a budget per tenant and client address, refusals carry a wait.
import { describe, expect, it } from "vitest";
import { configureApp } from "@/tests/helpers/app-env";

describe("signup rate limiter", () => {
  it("refuses an address past its budget with a Retry-After, while other addresses and tenants keep theirs", async () => {
    const databaseUrl = "file:./.data/unused-by-the-memory-limiter.db";
    configureApp(databaseUrl, { SIGNUP_RATE_LIMIT_POINTS: "2", SIGNUP_RATE_LIMIT_WINDOW_SECONDS: "60" });
    const { consumeSignupAllowance } = await import("@switchboard/lib/signups/intake/intake-rate-limiter");

    expect(await consumeSignupAllowance(databaseUrl, "tenant-1", "203.0.113.7")).toEqual({ allowed: true });
    expect(await consumeSignupAllowance(databaseUrl, "tenant-1", "203.0.113.7")).toEqual({ allowed: true });
    const refused = await consumeSignupAllowance(databaseUrl, "tenant-1", "203.0.113.7");
    expect(refused).toMatchObject({ allowed: false });
    if (refused.allowed) throw new Error("expected a refusal");
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);

    expect(await consumeSignupAllowance(databaseUrl, "tenant-1", "203.0.113.8")).toEqual({ allowed: true });
    expect(await consumeSignupAllowance(databaseUrl, "tenant-2", "203.0.113.7")).toEqual({ allowed: true });
  });
});
