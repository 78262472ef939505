// When to try a signup again after a transient failure: exponential growth so a struggling
// the CRM gets room, jitter so many signups that failed together do not return together — and
// when to stop: after as many attempts as the schedule needs to span SYNC_GIVE_UP_AFTER_HOURS.

const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 10 * 60_000;

function stepMs(attempts: number): number {
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
}

/** Delay before attempt number `attempts + 1`; "equal jitter": between half and all of the step. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const step = stepMs(attempts);
  return Math.round(step / 2 + random() * (step / 2));
}

/**
 * How many failed attempts the schedule takes to span `windowMs` on average (each delay averages
 * ¾ of its step). Counting attempts instead of storing a start time keeps the rule on the row's
 * existing `attempts`; over the default 72 h the jitter evens out to well under 1 % either way.
 */
export function attemptsSpanning(windowMs: number): number {
  let elapsed = 0;
  let attempts = 0;
  while (elapsed < windowMs) {
    attempts++;
    elapsed += stepMs(attempts) * 0.75;
  }
  return Math.max(1, attempts);
}

/** Waiting for an admin (reconnect) is not a failure of the signup: a short fixed poll suffices. */
export const WAITING_FOR_CONNECTION_DELAY_MS = 10_000;
