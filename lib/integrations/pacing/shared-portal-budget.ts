// The per-portal CRM call budget that every worker on one database shares (the sync, agents' lookups). A portal has
// `slots` rows; a call takes the slot used longest ago, and only if that use is at least one
// rolling window old — a compare-and-swap on that single row, so two workers can never take the
// same slot. Every slot is used at most once per window, so the portal never sees more calls per
// rolling window than it has slots, however many workers (processes, machines) push to it.
// The provider counts a call when it arrives, which is somewhere between taking the slot and the
// answer: once answered, the slot is stamped with the answer's time (settle), so a call that left
// late (a busy event loop, a slow network) can never share the provider's window with the slot's next use.
//
// Times come from each worker's clock: workers on several machines need them in sync (NTP), or
// a slot could be reused early by as much as their clocks disagree.
import type { Db } from "@/lib/db/create-client";
import { settleSlot, takeOldestSlot } from "@/lib/db/statements/portal-slots";
import { isUniqueViolation } from "@/lib/db/unique-violation";

// A lost compare-and-swap means another worker just took that slot: look again, a few times.
const MAX_RACES = 5;

type PortalSize = { slots: number; windowMs: number };

export class SharedPortalBudget {
  /** Portals whose slot rows exist, with how many were made. */
  private readonly readyPortals = new Map<string, number>();
  private readonly sizes = new Map<string, PortalSize>();

  constructor(
    private readonly db: Db,
    private readonly slots: number,
    private readonly windowMs: number,
  ) {}

  private sizeOf(portalId: string): PortalSize {
    return this.sizes.get(portalId) ?? { slots: this.slots, windowMs: this.windowMs };
  }

  /** The portal's limit as the provider announced it (already reduced to what we allow ourselves). */
  resize(portalId: string, slots: number, windowMs: number): void {
    this.sizes.set(portalId, { slots, windowMs });
  }

  slotsOf(portalId: string): number {
    return this.sizeOf(portalId).slots;
  }

  /** Takes one call for the portal: 0 when taken, otherwise the milliseconds until one frees up. */
  async tryTake(portalId: string, at?: number): Promise<number> {
    await this.ensureSlots(portalId);
    // `at` is the stamp settle() looks for later; without one, stamped after the (possibly slow) setup.
    const now = at ?? Date.now();
    const { slots, windowMs } = this.sizeOf(portalId);
    const cutoff = new Date(now - windowMs);
    for (let race = 0; race < MAX_RACES; race++) {
      // The usual case in one statement: the slot used longest ago, if it is free (compare-and-swap).
      if (await takeOldestSlot(this.db, portalId, slots, cutoff, new Date(now))) return 0;
      // None was free, or another worker took it first: how long until one frees up.
      const oldest = await this.db.portalCallSlot.findFirst({
        where: { portalId, slot: { lt: slots } },
        orderBy: { usedAt: "asc" },
        select: { usedAt: true },
      });
      if (!oldest) {
        // Someone emptied the table (a restore, a test): make the slots again.
        this.readyPortals.delete(portalId);
        await this.ensureSlots(portalId);
        continue;
      }
      if (oldest.usedAt > cutoff) return Math.max(1, oldest.usedAt.getTime() + windowMs - now);
    }
    return 1;
  }

  /** The call that took the slot stamped `takenAt` was answered at `answeredAt`: count it from then. */
  async settle(portalId: string, takenAt: number, answeredAt: number): Promise<void> {
    if (answeredAt <= takenAt) return;
    // A slot another worker has taken since (only after a whole window in flight) keeps its stamp.
    await settleSlot(this.db, portalId, new Date(takenAt), new Date(answeredAt));
  }

  /** The provider answered 429: no worker sends to this portal before `untilMs`. */
  async pauseUntil(portalId: string, untilMs: number): Promise<void> {
    await this.ensureSlots(portalId);
    // A slot "used" at until − window becomes free exactly at until.
    const blockedUntil = new Date(untilMs - this.sizeOf(portalId).windowMs);
    await this.db.portalCallSlot.updateMany({ where: { portalId, usedAt: { lt: blockedUntil } }, data: { usedAt: blockedUntil } });
  }

  private async ensureSlots(portalId: string): Promise<void> {
    const { slots } = this.sizeOf(portalId);
    if ((this.readyPortals.get(portalId) ?? 0) >= slots) return;
    const existing = await this.db.portalCallSlot.findMany({ where: { portalId }, select: { slot: true } });
    const have = new Set(existing.map((row) => row.slot));
    const missing = Array.from({ length: slots }, (_, slot) => slot).filter((slot) => !have.has(slot));
    if (missing.length > 0) {
      try {
        // Never used: free at once.
        await this.db.portalCallSlot.createMany({ data: missing.map((slot) => ({ portalId, slot, usedAt: new Date(0) })) });
      } catch (error) {
        // Another worker created them at the same moment; theirs serve as well.
        if (!isUniqueViolation(error)) throw error;
      }
    }
    this.readyPortals.set(portalId, slots);
  }
}
