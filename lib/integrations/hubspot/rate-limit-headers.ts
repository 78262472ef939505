// HubSpot tells each caller its own budget: X-HubSpot-RateLimit-Max per -Interval-Milliseconds
// (110 per 10 s for marketplace apps, 100 or 190 for privately distributed ones), and for
// private apps a daily allowance. Reading them beats assuming one profile for every portal.
import { z } from "zod";
import type { RateLimitObservation } from "../contact-upsert";

export type { RateLimitObservation };

const count = z.coerce.number().int().nonnegative();

export function readRateLimitHeaders(headers: Headers): RateLimitObservation | null {
  const max = count.safeParse(headers.get("x-hubspot-ratelimit-max") ?? undefined);
  const interval = count.safeParse(headers.get("x-hubspot-ratelimit-interval-milliseconds") ?? undefined);
  const daily = optional(headers, "x-hubspot-ratelimit-daily");
  const dailyRemaining = optional(headers, "x-hubspot-ratelimit-daily-remaining");
  if (!max.success || !interval.success || max.data === 0 || interval.data === 0) {
    return dailyRemaining === undefined
      ? null
      : { maxPerWindow: 0, windowMs: 0, dailyRemaining, ...(daily === undefined ? {} : { daily }) };
  }
  const remaining = optional(headers, "x-hubspot-ratelimit-remaining");
  return {
    maxPerWindow: max.data,
    windowMs: interval.data,
    ...(remaining === undefined ? {} : { remaining }),
    ...(daily === undefined ? {} : { daily }),
    ...(dailyRemaining === undefined ? {} : { dailyRemaining }),
  };
}

function optional(headers: Headers, name: string): number | undefined {
  const parsed = count.safeParse(headers.get(name) ?? undefined);
  return parsed.success ? parsed.data : undefined;
}
