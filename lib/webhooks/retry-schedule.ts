// When a failed delivery is tried again: the Standard Webhooks schedule (5 s, 5 min, 30 min, 2 h, 5 h,
// 10 h, 10 h) plus one more 10 h, each with ±10 % jitter so a recovering receiver is not hit by every
// event at once. The attempts together span well over 24 h (≥ 33 h even with the jitter).
export const DEFAULT_RETRY_DELAYS_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000, 36_000_000];

/** An endpoint whose deliveries have failed for this long without one success is disabled. */
export const DISABLE_AFTER_FAILING_MS = 3 * 24 * 60 * 60 * 1000;

/** Delay before attempt number `attempts + 1`, or null when the delivery has used every attempt. */
export function nextRetryDelayMs(attempts: number, delays: readonly number[] = DEFAULT_RETRY_DELAYS_MS): number | null {
  const base = delays[attempts - 1];
  if (base === undefined) return null;
  return Math.round(base * (0.9 + Math.random() * 0.2));
}
