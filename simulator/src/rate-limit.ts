import type { RateLimit } from "./config";

// Rolling-window limiter per key (portal): a queue of recent hit times. Pruning is amortised
// O(1) because hits arrive in time order, so it never becomes the bottleneck of a benchmark.

export interface RateDecision {
  allowed: boolean;
  max: number;
  intervalMs: number;
  remaining: number;
}

class Window {
  hits: number[] = [];
  head = 0;

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

  /** Counts one request against `key` unless the window is full. `limit` null means unlimited. */
  consume(key: string, limit: RateLimit, now = Date.now()): RateDecision | null {
    if (limit === null) return null;
    let window = this.windows.get(key);
    if (!window) {
      window = new Window();
      this.windows.set(key, window);
    }
    window.prune(now - limit.intervalMs);
    if (window.size >= limit.max) {
      return { allowed: false, max: limit.max, intervalMs: limit.intervalMs, remaining: 0 };
    }
    window.hits.push(now);
    return { allowed: true, max: limit.max, intervalMs: limit.intervalMs, remaining: limit.max - window.size };
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
  };
}
