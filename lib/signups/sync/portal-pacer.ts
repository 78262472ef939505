// How fast one worker may call a HubSpot portal: its own AIMD limiter (eases off after a 429) AND
// the budget every worker on the database shares (never more than the portal allows per rolling
// window, however many workers there are). A call leaves only when both say yes.
import type { PortalRateLimiter } from "./portal-rate-limiter";
import type { SharedPortalBudget } from "./shared-portal-budget";

export type Permit = { ok: true } | { ok: false; waitMs: number };

export class PortalPacer {
  constructor(
    readonly local: PortalRateLimiter,
    private readonly shared: SharedPortalBudget,
  ) {}

  /** Resolves once a call may be sent, or returns the wait when it is longer than `maxWaitMs`. */
  async acquire(portalId: string, maxWaitMs: number): Promise<Permit> {
    for (;;) {
      const now = Date.now();
      let waitMs = this.local.tryAcquire(portalId, now);
      if (waitMs === 0) {
        waitMs = await this.shared.tryTake(portalId);
        if (waitMs === 0) return { ok: true };
        this.local.refund(portalId, now);
      }
      if (waitMs > maxWaitMs) return { ok: false, waitMs };
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }

  /** HubSpot said 429: this worker halves its pace, and every worker pauses for the portal. */
  async onRateLimited(portalId: string, retryAfterMs: number): Promise<void> {
    this.local.onRateLimited(portalId, retryAfterMs);
    await this.shared.pauseUntil(portalId, Date.now() + retryAfterMs);
  }
}
