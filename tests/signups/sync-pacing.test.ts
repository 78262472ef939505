// Pacing rules of the sync, as pure functions of a clock: the per-portal rolling budget and the
// retry backoff.
import { describe, expect, it } from "vitest";
import { retryDelayMs } from "@switchboard/lib/signups/sync/backoff";
import { PortalRateLimiter } from "@switchboard/lib/signups/sync/portal-rate-limiter";

describe("per-portal rate limiter", () => {
  it("never lets more than the budget through in any rolling 10 s", () => {
    const limiter = new PortalRateLimiter(105);
    const sent: number[] = [];
    for (let now = 0; now < 60_000; now += 7) if (limiter.tryAcquire("62515", now) === 0) sent.push(now);
    for (const start of sent) expect(sent.filter((time) => time >= start && time < start + 10_000).length).toBeLessThanOrEqual(105);
    // …and uses it: about 105 calls per window over six windows.
    expect(sent.length).toBeGreaterThanOrEqual(6 * 105 - 5);
  });

  it("keeps portals apart", () => {
    const limiter = new PortalRateLimiter(1);
    expect(limiter.tryAcquire("1", 0)).toBe(0);
    expect(limiter.tryAcquire("2", 0)).toBe(0);
    expect(limiter.tryAcquire("1", 1)).toBeGreaterThan(0);
  });

  it("pauses and halves its budget after a 429, then recovers slowly", () => {
    const limiter = new PortalRateLimiter(100);
    limiter.onRateLimited("p", 2_000, 0);
    expect(limiter.tryAcquire("p", 1_000)).toBe(1_000);
    expect(limiter.budgetOf("p")).toBe(50);
    for (let now = 2_000; now < 40_000; now += 50) limiter.tryAcquire("p", now);
    expect(limiter.budgetOf("p")).toBeGreaterThan(50);
    expect(limiter.budgetOf("p")).toBeLessThan(100);
  });
});

describe("retry backoff", () => {
  it("grows exponentially with jitter and is capped at 10 minutes", () => {
    expect(retryDelayMs(1, () => 0)).toBe(1_000);
    expect(retryDelayMs(1, () => 1)).toBe(2_000);
    expect(retryDelayMs(4, () => 0)).toBe(8_000);
    expect(retryDelayMs(30, () => 1)).toBe(600_000);
    const spread = new Set(Array.from({ length: 20 }, () => retryDelayMs(3)));
    expect(spread.size).toBeGreaterThan(1);
  });
});
