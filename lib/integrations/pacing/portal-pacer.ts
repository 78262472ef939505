// How fast one worker may call a CRM account (a portal): its own AIMD limiter (eases off after a 429)
// AND the budget every worker on the database shares (never more than the account allows per rolling
// window, however many workers there are). A call leaves only when both say yes. Both follow the
// size the provider's answers announce for the account (its RatePolicy), and a spent daily allowance.
import type { Store } from "@/lib/db/store";
import type { RateLimitObservation } from "../contact-upsert";
import { PortalRateLimiter } from "./portal-rate-limiter";
import type { RatePolicy } from "./rate-policy";
import { SharedPortalBudget } from "./shared-portal-budget";

/** `takenAt`: the time the call was counted from, to settle once the provider has answered. */
export type Permit = { ok: true; takenAt: number } | { ok: false; waitMs: number };

/**
 * Per portal, from this worker and from all workers together: the pace the provider's answers
 * announce (its starting pace until the first answer), never above `cap` when one is set.
 */
export function portalPacer(store: Store, policy: RatePolicy, cap?: number): PortalPacer {
  const starting = Math.min(policy.startingPace.perWindow, cap ?? Infinity);
  const { windowMs } = policy.startingPace;
  return new PortalPacer(new PortalRateLimiter(starting, windowMs), new SharedPortalBudget(store, starting, windowMs), policy, cap);
}

export class PortalPacer {
  constructor(
    readonly local: PortalRateLimiter,
    readonly shared: SharedPortalBudget,
    private readonly policy: RatePolicy,
    /** SYNC_PORTAL_REQUESTS_PER_10S: an operator's ceiling on whatever the provider announces. */
    private readonly cap = Infinity,
  ) {}

  /** Resolves once a call may be sent, or returns the wait when it is longer than `maxWaitMs`. */
  async acquire(portalId: string, maxWaitMs: number): Promise<Permit> {
    for (;;) {
      const now = Date.now();
      let waitMs = this.local.tryAcquire(portalId, now);
      if (waitMs === 0) {
        // Both budgets count the call from the same instant, which settle() later moves to the
        // answer: how long the slot took or the call was in flight never frees a slot early.
        const takenAt = Date.now();
        waitMs = await this.shared.tryTake(portalId, takenAt);
        if (waitMs === 0) {
          this.local.restamp(portalId, now, takenAt);
          return { ok: true, takenAt };
        }
        this.local.refund(portalId, now);
      }
      if (waitMs > maxWaitMs) return { ok: false, waitMs };
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }

  /**
   * Calls this worker could send to the portal within `withinMs`, by its own count (the budget other
   * workers share may still hold some back): what a pass claims for the portal, so it does not claim
   * rows that would only wait for the portal's next window while other tenants' calls wait for the pass.
   */
  readyWithin(portalId: string, withinMs: number): number {
    return this.local.availableWithin(portalId, withinMs);
  }

  /** Milliseconds until this worker could send the portal's next call, by its own count (a pause included). */
  waitBeforeNext(portalId: string): number {
    return this.local.waitBeforeNext(portalId);
  }

  /** The provider answered the call permitted at `takenAt`: both budgets count it from the answer. */
  async settle(portalId: string, takenAt: number, answeredAt = Date.now()): Promise<void> {
    this.local.restamp(portalId, takenAt, answeredAt);
    await this.shared.settle(portalId, takenAt, answeredAt);
  }

  /** What the provider's answer said about this portal's limits. */
  async learn(portalId: string, observation: RateLimitObservation): Promise<void> {
    const pace = this.policy.paceFrom(observation);
    if (pace) {
      const perWindow = Math.min(pace.perWindow, this.cap);
      this.local.resize(portalId, perWindow, pace.windowMs);
      this.shared.resize(portalId, perWindow, pace.windowMs);
    }
    if (observation.dailyRemaining !== undefined && observation.dailyRemaining <= 0) {
      await this.pause(portalId, Date.now() + this.policy.dailyLimitPauseMs);
    }
  }

  /** The provider said 429: this worker halves its pace, and every worker pauses for the portal. */
  async onRateLimited(portalId: string, retryAfterMs: number): Promise<void> {
    this.local.onRateLimited(portalId, retryAfterMs);
    await this.shared.pauseUntil(portalId, Date.now() + retryAfterMs);
  }

  /** No worker sends to the portal before `untilMs`, without cutting its pace (a spent daily allowance). */
  async pause(portalId: string, untilMs: number): Promise<void> {
    this.local.pause(portalId, untilMs);
    await this.shared.pauseUntil(portalId, untilMs);
  }
}
