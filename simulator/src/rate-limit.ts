import type { RateLimit } from "./config";

// Rolling-window limiter per key (portal): a queue of recent hit times. Pruning is amortised
// O(1) because hits arrive in time order, so it never becomes the bottleneck of a benchmark.
// A daily allowance (privately distributed apps) is counted per key and UTC day.

export interface RateDecision {
  allowed: boolean;
  /** Which limit refused the request. */
  policy?: "TEN_SECONDLY_ROLLING" | "DAILY";
  max: number;
  intervalMs: number;
  remaining: number;
  daily?: { max: number; remaining: number };
}

class Window {
  hits: number[] = [];
  head = 0;
  day = "";
  dailyCount = 0;

  prune(cutoff: number): void {
    while (this.head < this.hits.length && (this.hits[this.head] ?? 0) <= cutoff) this.head++;
    if (this.head > 1024 && this.head * 2 > this.hits.length) {
      this.hits = this.hits.slice(this.head);
      this.head = 0;
    }
  }

  get size(): number {
    return this.hits.length - this.head;
  }
}

export class RollingRateLimiter {
  private windows = new Map<string, Window>();

  /** Counts one request against `key` unless a limit is reached. `limit` null means unlimited. */
  consume(key: string, limit: RateLimit, now = Date.now()): RateDecision | null {
    if (limit === null) return null;
    let window = this.windows.get(key);
    if (!window) {
      window = new Window();
      this.windows.set(key, window);
    }
    const today = new Date(now).toISOString().slice(0, 10);
    if (window.day !== today) {
      window.day = today;
      window.dailyCount = 0;
    }
    window.prune(now - limit.intervalMs);
    const daily = (used: number) =>
      limit.daily === undefined ? {} : { daily: { max: limit.daily, remaining: Math.max(0, limit.daily - used) } };
    const base = { max: limit.max, intervalMs: limit.intervalMs };
    if (limit.daily !== undefined && window.dailyCount >= limit.daily) {
      return { allowed: false, policy: "DAILY", ...base, remaining: Math.max(0, limit.max - window.size), ...daily(window.dailyCount) };
    }
    if (window.size >= limit.max) {
      return { allowed: false, policy: "TEN_SECONDLY_ROLLING", ...base, remaining: 0, ...daily(window.dailyCount) };
    }
    window.hits.push(now);
    window.dailyCount++;
    return { allowed: true, ...base, remaining: limit.max - window.size, ...daily(window.dailyCount) };
  }

  clear(): void {
    this.windows.clear();
  }
}

export function rateLimitHeaders(decision: RateDecision | null): Record<string, string> {
  if (!decision) return {};
  return {
    "X-HubSpot-RateLimit-Interval-Milliseconds": String(decision.intervalMs),
    "X-HubSpot-RateLimit-Max": String(decision.max),
    "X-HubSpot-RateLimit-Remaining": String(decision.remaining),
    // Only privately distributed apps see daily headers; OAuth marketplace apps have no daily limit.
    ...(decision.daily
      ? { "X-HubSpot-RateLimit-Daily": String(decision.daily.max), "X-HubSpot-RateLimit-Daily-Remaining": String(decision.daily.remaining) }
      : {}),
  };
}
