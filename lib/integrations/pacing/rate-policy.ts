// What a CRM provider says about its own rate limits, so the pacing (one worker's limiter and the
// budget all workers share) needs no provider's numbers: the pace an account starts with, the pace
// to keep once an answer announced the account's limit, and how long a spent daily allowance lasts.
// HubSpot's is lib/integrations/hubspot/rate-policy.ts; a second CRM brings its own.
import type { RateLimitObservation } from "../contact-upsert";

/** At most `perWindow` calls in any rolling `windowMs`. */
export type Pace = { perWindow: number; windowMs: number };

export interface RatePolicy {
  /** Before the account's first answer: a pace every account of this provider allows. */
  readonly startingPace: Pace;
  /** The pace to keep after an answer that announced the account's limit; null when it announced none. */
  paceFrom(observation: RateLimitObservation): Pace | null;
  /** How long no call goes to an account whose daily allowance is spent. */
  readonly dailyLimitPauseMs: number;
}
