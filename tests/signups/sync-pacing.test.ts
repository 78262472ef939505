// Pacing rules of the sync, as pure functions of a clock: the per-portal rolling budget and the
// retry backoff.
import { describe, expect, it } from "vitest";
import { attemptsSpanning, retryDelayMs } from "@switchboard/lib/signups/sync/backoff";
import { hubspotRatePolicy, learnedPace, usableBudget } from "@switchboard/lib/integrations/hubspot/rate-policy";
import { PortalRateLimiter } from "@switchboard/lib/integrations/pacing/portal-rate-limiter";

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

describe("the budget HubSpot's headers announce", () => {
  it("keeps a few percent under each profile's limit, over a slightly longer window", () => {
    expect([usableBudget(100), usableBudget(110), usableBudget(190), usableBudget(10)]).toEqual([97, 106, 184, 8]);
    expect(hubspotRatePolicy.startingPace).toEqual({ perWindow: 97, windowMs: 10_100 });
    expect(learnedPace({ maxPerWindow: 110, windowMs: 10_000, remaining: 5 })).toEqual({ perWindow: 106, windowMs: 10_100 });
    expect(learnedPace({ maxPerWindow: 0, windowMs: 0, dailyRemaining: 10 })).toBeNull();
  });

  it("grows a full budget to the announced size and leaves a budget cut by a 429 cut", () => {
    const limiter = new PortalRateLimiter(97);
    limiter.resize("full", 106, 10_000);
    expect(limiter.budgetOf("full")).toBe(106);
    limiter.onRateLimited("cut", 1_000, 0);
    limiter.resize("cut", 106, 10_000);
    expect(limiter.budgetOf("cut")).toBe(48);
  });

  it("counts a call from when it really left (restamp), so its slot is not freed early", () => {
    const limiter = new PortalRateLimiter(1);
    expect(limiter.tryAcquire("p", 0)).toBe(0);
    limiter.restamp("p", 0, 500);
    expect(limiter.tryAcquire("p", 10_200)).toBe(300);
    expect(limiter.tryAcquire("p", 10_500)).toBe(0);
  });
});

describe("retry backoff", () => {
  it("gives up after as many attempts as span the limit on average", () => {
    const attempts = attemptsSpanning(72 * 3_600_000);
    // 2 s doubling to a 10 min cap, each delay averaging ¾ of its step: ~584 attempts for 72 h.
    expect(attempts).toBeGreaterThan(570);
    expect(attempts).toBeLessThan(600);
    let elapsed = 0;
    for (let attempt = 1; attempt < attempts; attempt++) elapsed += retryDelayMs(attempt);
    expect(Math.abs(elapsed - 72 * 3_600_000) / (72 * 3_600_000)).toBeLessThan(0.03);
    expect(attemptsSpanning(1)).toBe(1);
  });

  it("grows exponentially with jitter and is capped at 10 minutes", () => {
    expect(retryDelayMs(1, () => 0)).toBe(1_000);
    expect(retryDelayMs(1, () => 1)).toBe(2_000);
    expect(retryDelayMs(4, () => 0)).toBe(8_000);
    expect(retryDelayMs(30, () => 1)).toBe(600_000);
    const spread = new Set(Array.from({ length: 20 }, () => retryDelayMs(3)));
    expect(spread.size).toBeGreaterThan(1);
  });
});
