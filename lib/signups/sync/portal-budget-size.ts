// How many calls per window we allow ourselves for a portal whose limit HubSpot announced in
// X-HubSpot-RateLimit-Max: a few percent under it, for the gap between when we count a call
// (when it leaves) and when HubSpot counts it (when it arrives). 110 → 106, 100 → 97, 190 → 184.
import type { RateLimitObservation } from "@/lib/integrations/provider";

export function usableBudget(announcedMax: number): number {
  return Math.max(1, announcedMax - Math.max(2, Math.ceil(announcedMax * 0.03)));
}

/** The budget a portal starts with before its first answer: fits the smallest profile (100 / 10 s). */
export const STARTING_BUDGET = usableBudget(100);

/** A portal's learned pace, or null when the answer carried no burst headers. */
export function learnedPace(observation: RateLimitObservation): { perWindow: number; windowMs: number } | null {
  if (observation.maxPerWindow <= 0 || observation.windowMs <= 0) return null;
  return { perWindow: usableBudget(observation.maxPerWindow), windowMs: observation.windowMs };
}
