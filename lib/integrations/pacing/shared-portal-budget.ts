// The per-portal CRM call budget that every worker on one database shares (the sync, agents' lookups). A portal has
// up to `slots` rows; a call takes the slot used longest ago, and only if that use is at least one
// rolling window old — a compare-and-swap on that single row, so two workers can never take the
// same slot — or, while the portal has fewer rows than slots, a new one. Every slot is used at most
// once per window, so the portal never sees more calls per rolling window than it has slots,
// however many workers (processes, machines) push to it.
// The provider counts a call when it arrives, which is somewhere between taking the slot and the
// answer: once answered, the slot is stamped with the answer's time (settle), so a call that left
// late (a busy event loop, a slow network) can never share the provider's window with the slot's next use.
// Takes and settles wanted at the same moment — a pass's calls to a thousand small portals — share
// one statement each (lib/batched-calls.ts): a portal's budget costs a fraction of a statement per call.
//
// Times come from each worker's clock: workers on several machines need them in sync (NTP), or
// a slot could be reused early by as much as their clocks disagree.
import { batchedCalls } from "@/lib/batched-calls";
import { addSlots, settleSlots, slotUse, takeOldestSlots, type SlotRequest, type SlotSettlement } from "@/lib/db/statements/portal-slots";
import type { Store } from "@/lib/db/store";
import { isUniqueViolation } from "@/lib/db/unique-violation";

// A lost compare-and-swap means another worker just took that slot: look again, a few times.
const MAX_RACES = 5;
// Portals per statement: a bounded statement keeps SQLite's writer (and an in-process event loop) free.
const PORTALS_PER_STATEMENT = 200;

type PortalSize = { slots: number; windowMs: number };

export class SharedPortalBudget {
  private readonly sizes = new Map<string, PortalSize>();
  // One request per portal per statement: the oldest slot is one row.
  private readonly take = batchedCalls((requests: SlotRequest[]) => this.takeAll(requests), {
    maxBatch: PORTALS_PER_STATEMENT,
    key: (take) => take.portalId,
  });
  private readonly settleBatched = batchedCalls(
    async (settlements: SlotSettlement[]) => {
      await settleSlots(this.store, settlements);
      return settlements.map(() => undefined);
    },
    // Answers arrive over a few milliseconds; a slot's stamp moving that much later changes nothing.
    { maxBatch: PORTALS_PER_STATEMENT, gatherMs: 5 },
  );

  constructor(
    private readonly store: Store,
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
    // `at` is the stamp settle() looks for later.
    const now = at ?? Date.now();
    const { slots, windowMs } = this.sizeOf(portalId);
    const cutoff = now - windowMs;
    for (let race = 0; race < MAX_RACES; race++) {
      if (await this.take({ portalId, slots, cutoff: new Date(cutoff), now: new Date(now) })) return 0;
      // None was free, or another worker took (or made) it first: how long until one frees up.
      const use = await slotUse(this.store.db, portalId, slots);
      const roomForMore = use.count < slots;
      if (!roomForMore && use.oldest && use.oldest.getTime() > cutoff) return Math.max(1, use.oldest.getTime() + windowMs - now);
    }
    return 1;
  }

  /** The call that took the slot stamped `takenAt` was answered at `answeredAt`: count it from then. */
  async settle(portalId: string, takenAt: number, answeredAt: number): Promise<void> {
    if (answeredAt <= takenAt) return;
    // A slot another worker has taken since (only after a whole window in flight) keeps its stamp.
    await this.settleBatched({ portalId, takenAt: new Date(takenAt), answeredAt: new Date(answeredAt) });
  }

  /** The provider answered 429: no worker sends to this portal before `untilMs`. */
  async pauseUntil(portalId: string, untilMs: number): Promise<void> {
    // Every slot must exist to be held back: one made later would be free at once.
    await this.makeAllSlots(portalId);
    // A slot "used" at until − window becomes free exactly at until.
    const blockedUntil = new Date(untilMs - this.sizeOf(portalId).windowMs);
    await this.store.db.portalCallSlot.updateMany({ where: { portalId, usedAt: { lt: blockedUntil } }, data: { usedAt: blockedUntil } });
  }

  // A free slot where there is one, else a new one where the portal has room.
  private async takeAll(requests: SlotRequest[]): Promise<boolean[]> {
    const got = await takeOldestSlots(this.store, requests);
    for (const portalId of await addSlots(
      this.store,
      requests.filter((request) => !got.has(request.portalId)),
    ))
      got.add(portalId);
    return requests.map((request) => got.has(request.portalId));
  }

  private async makeAllSlots(portalId: string): Promise<void> {
    const { slots } = this.sizeOf(portalId);
    const existing = await this.store.db.portalCallSlot.findMany({ where: { portalId }, select: { slot: true } });
    const have = new Set(existing.map((row) => row.slot));
    const missing = Array.from({ length: slots }, (_, slot) => slot).filter((slot) => !have.has(slot));
    if (missing.length === 0) return;
    try {
      // Never used: free at once (the pause then holds them back).
      await this.store.db.portalCallSlot.createMany({ data: missing.map((slot) => ({ portalId, slot, usedAt: new Date(0) })) });
    } catch (error) {
      // Another worker made them at the same moment; theirs serve as well.
      if (!isUniqueViolation(error)) throw error;
    }
  }
}
