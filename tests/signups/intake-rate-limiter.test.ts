// The per-address signup throttle is one budget per process, even where the app's code is loaded
// twice in it (`npm start`: Next's bundle for the form, the server's direct path for the API).
import { describe, expect, it, vi } from "vitest";
import { configureApp } from "@/tests/helpers/app-env";

describe("signup rate limiter", () => {
  it("counts a client against one budget from every copy of the module in the process", async () => {
    const databaseUrl = "file:./.data/unused-by-the-memory-limiter.db";
    configureApp(databaseUrl, { SIGNUP_RATE_LIMIT_POINTS: "2" });
    const formCopy = await import("@/lib/signups/intake/intake-rate-limiter");
    vi.resetModules();
    const apiCopy = await import("@/lib/signups/intake/intake-rate-limiter");
    expect(apiCopy).not.toBe(formCopy);

    expect(await formCopy.consumeSignupAllowance(databaseUrl, "tenant-1", "203.0.113.7")).toEqual({ allowed: true });
    expect(await apiCopy.consumeSignupAllowance(databaseUrl, "tenant-1", "203.0.113.7")).toEqual({ allowed: true });
    const refused = await apiCopy.consumeSignupAllowance(databaseUrl, "tenant-1", "203.0.113.7");
    expect(refused).toMatchObject({ allowed: false });
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(await formCopy.consumeSignupAllowance(databaseUrl, "tenant-1", "203.0.113.7")).toMatchObject({ allowed: false });
    // Another address, another budget.
    expect(await formCopy.consumeSignupAllowance(databaseUrl, "tenant-1", "203.0.113.8")).toEqual({ allowed: true });
  });
});
