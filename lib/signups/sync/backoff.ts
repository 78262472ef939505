// When to try a signup again after a transient failure: exponential growth so a struggling
// HubSpot gets room, jitter so many signups that failed together do not return together.

const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 10 * 60_000;

/** Delay before attempt number `attempts + 1`; "equal jitter": between half and all of the step. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const step = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

/** Waiting for an admin (reconnect) is not a failure of the signup: a short fixed poll suffices. */
export const WAITING_FOR_CONNECTION_DELAY_MS = 10_000;
