// One worker's own pacing per CRM portal (the budget all workers share is
// shared-portal-budget.ts; portal-pacer.ts combines the two). A sliding log of send times gives
// the exact rolling count; each portal's size follows what the provider announces; on a 429
// the budget halves and then creeps back (additive increase, multiplicative decrease), so a
// worker that hit the limit eases off by itself.

const DEFAULT_WINDOW_MS = 10_000;
const MIN_BUDGET = 5;

class PortalWindow {
  sentAt: number[] = [];
  budget: number;
  pausedUntil = 0;
  lastCutAt = 0;

  constructor(
    public maxBudget: number,
    public windowMs: number,
  ) {
    this.budget = maxBudget;
  }
}

export class PortalRateLimiter {
  private readonly portals = new Map<string, PortalWindow>();

  constructor(
    private readonly maxPerWindow: number,
    private readonly windowMs = DEFAULT_WINDOW_MS,
  ) {}

  private window(portalId: string): PortalWindow {
    let window = this.portals.get(portalId);
    if (!window) {
      window = new PortalWindow(this.maxPerWindow, this.windowMs);
      this.portals.set(portalId, window);
    }
    return window;
  }

  /** Milliseconds until a call may be sent (0 = now; the call is then counted). */
  tryAcquire(portalId: string, now = Date.now()): number {
    const window = this.window(portalId);
    if (window.pausedUntil > now) return window.pausedUntil - now;
    while (window.sentAt.length > 0 && (window.sentAt[0] ?? 0) <= now - window.windowMs) window.sentAt.shift();
    if (window.sentAt.length < window.budget) {
      window.sentAt.push(now);
      this.recover(window, now);
      return 0;
    }
    return Math.max(1, (window.sentAt[0] ?? now) + window.windowMs - now);
  }

  /** Milliseconds until this limiter would let a call through (0 = now; nothing counted). */
  waitBeforeNext(portalId: string, now = Date.now()): number {
    const window = this.window(portalId);
    if (window.pausedUntil > now) return window.pausedUntil - now;
    let counted = 0;
    let oldest = Infinity;
    for (const sentAt of window.sentAt)
      if (sentAt > now - window.windowMs) {
        counted++;
        oldest = Math.min(oldest, sentAt);
      }
    return counted < window.budget ? 0 : Math.max(1, oldest + window.windowMs - now);
  }

  /** How many calls this limiter would let through within `withinMs` from `now` (none counted). */
  availableWithin(portalId: string, withinMs: number, now = Date.now()): number {
    const window = this.window(portalId);
    if (window.pausedUntil > now + withinMs) return 0;
    const freedBy = now + withinMs - window.windowMs;
    let stillCounted = 0;
    for (const sentAt of window.sentAt) if (sentAt > freedBy) stillCounted++;
    return Math.max(0, window.budget - stillCounted);
  }

  /** Gives back a call counted at `at` that was not sent after all. */
  refund(portalId: string, at: number): void {
    const sentAt = this.window(portalId).sentAt;
    const index = sentAt.lastIndexOf(at);
    if (index >= 0) sentAt.splice(index, 1);
  }

  /** Moves a call counted at `from` to `to` (when it really left), keeping the log in time order. */
  restamp(portalId: string, from: number, to: number): void {
    if (from === to) return;
    const sentAt = this.window(portalId).sentAt;
    const index = sentAt.lastIndexOf(from);
    if (index < 0) return;
    sentAt.splice(index, 1);
    let insertAt = sentAt.length;
    while (insertAt > 0 && (sentAt[insertAt - 1] ?? 0) > to) insertAt--;
    sentAt.splice(insertAt, 0, to);
  }

  /** The provider announced this portal's limit: a budget at full size follows it, a cut one stays cut. */
  resize(portalId: string, perWindow: number, windowMs: number): void {
    const window = this.window(portalId);
    if (window.maxBudget === perWindow && window.windowMs === windowMs) return;
    const atFull = window.budget >= window.maxBudget;
    window.maxBudget = perWindow;
    window.windowMs = windowMs;
    window.budget = atFull ? perWindow : Math.min(window.budget, perWindow);
  }

  /** The provider said 429: stop for a while and halve what we allow ourselves. */
  onRateLimited(portalId: string, retryAfterMs: number, now = Date.now()): void {
    const window = this.window(portalId);
    window.pausedUntil = Math.max(window.pausedUntil, now + retryAfterMs);
    window.budget = Math.max(Math.min(MIN_BUDGET, window.maxBudget), Math.floor(window.budget / 2));
    window.lastCutAt = now;
  }

  /** Stops sending to the portal until `untilMs` without cutting its budget (a spent daily allowance). */
  pause(portalId: string, untilMs: number): void {
    const window = this.window(portalId);
    window.pausedUntil = Math.max(window.pausedUntil, untilMs);
  }

  budgetOf(portalId: string): number {
    return this.window(portalId).budget;
  }

  // One more call per quiet window: slow enough that a shared portal rarely tips into 429 again.
  private recover(window: PortalWindow, now: number): void {
    if (window.budget < window.maxBudget && now - window.lastCutAt >= window.windowMs) {
      window.budget += 1;
      window.lastCutAt = now;
    }
  }
}
