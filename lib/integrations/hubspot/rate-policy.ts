// HubSpot's rate limits as the pacing needs them (§3 of the wire contract): how many calls per window
// we allow ourselves for a portal whose limit HubSpot announced in X-HubSpot-RateLimit-Max /
// -Interval-Milliseconds — a few percent fewer calls (110 → 106, 100 → 97, 190 → 184) over a slightly
// longer window. We count a call when it takes its slot; HubSpot counts it when it arrives, a few to
// tens of milliseconds later and not always equally late: calls bunched at a window's start would
// otherwise tip the next window over the limit.
import type { RateLimitObservation } from "../contact-upsert";
import type { Pace, RatePolicy } from "../pacing/rate-policy";

const ARRIVAL_JITTER_GUARD_MS = 100;
/** The smallest documented profile: a privately distributed app on Free/Starter, 100 calls per 10 s. */
const SMALLEST_PROFILE = { max: 100, windowMs: 10_000 };

export function usableBudget(announcedMax: number): number {
  return Math.max(1, announcedMax - Math.max(2, Math.ceil(announcedMax * 0.03)));
}

export function guardedWindowMs(announcedWindowMs: number): number {
  return announcedWindowMs + ARRIVAL_JITTER_GUARD_MS;
}

/** A portal's learned pace, or null when the answer carried no burst headers. */
export function learnedPace(observation: RateLimitObservation): Pace | null {
  if (observation.maxPerWindow <= 0 || observation.windowMs <= 0) return null;
  return { perWindow: usableBudget(observation.maxPerWindow), windowMs: guardedWindowMs(observation.windowMs) };
}

// The daily allowance resets at midnight in the portal's time zone, which we do not know:
// probing hourly finds the reset within an hour at the cost of ~24 refused calls a day.
export const DAILY_LIMIT_PAUSE_MS = 60 * 60_000;

export const hubspotRatePolicy: RatePolicy = {
  startingPace: { perWindow: usableBudget(SMALLEST_PROFILE.max), windowMs: guardedWindowMs(SMALLEST_PROFILE.windowMs) },
  paceFrom: learnedPace,
  dailyLimitPauseMs: DAILY_LIMIT_PAUSE_MS,
};
