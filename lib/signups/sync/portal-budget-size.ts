// How many calls per window we allow ourselves for a portal whose limit HubSpot announced in
// X-HubSpot-RateLimit-Max / -Interval-Milliseconds: a few percent fewer calls (110 → 106,
// 100 → 97, 190 → 184) over a slightly longer window. We count a call when it takes its slot;
// HubSpot counts it when it arrives, a few to tens of milliseconds later and not always equally
// late: calls bunched at a window's start would otherwise tip the next window over the limit.
import type { RateLimitObservation } from "@/lib/integrations/provider";

const ARRIVAL_JITTER_GUARD_MS = 100;

export function usableBudget(announcedMax: number): number {
  return Math.max(1, announcedMax - Math.max(2, Math.ceil(announcedMax * 0.03)));
}

export function guardedWindowMs(announcedWindowMs: number): number {
  return announcedWindowMs + ARRIVAL_JITTER_GUARD_MS;
}

/** The pace a portal starts with before its first answer: fits the smallest profile (100 / 10 s). */
export const STARTING_BUDGET = usableBudget(100);
export const STARTING_WINDOW_MS = guardedWindowMs(10_000);

/** A portal's learned pace, or null when the answer carried no burst headers. */
export function learnedPace(observation: RateLimitObservation): { perWindow: number; windowMs: number } | null {
  if (observation.maxPerWindow <= 0 || observation.windowMs <= 0) return null;
  return { perWindow: usableBudget(observation.maxPerWindow), windowMs: guardedWindowMs(observation.windowMs) };
}
