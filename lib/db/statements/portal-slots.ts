// The shared portal budget's statements (lib/integrations/pacing/shared-portal-budget.ts decides when
// a call may go), each for many portals at once: taking each portal's least recently used slot by
// compare-and-swap, adding a slot to portals that have fewer than their size (slots are made as calls
// need them: a portal called once an hour holds one row, not a hundred), and settling slots' stamps
// to the time the provider answered.
import type { Db } from "../create-client";
import { retryingDeadlocks } from "../deadlock";
import { Prisma } from "../generated/sqlite/client";
import type { Store } from "../store";

/** One call wanted for `portalId` at `now`: a slot among its first `slots` last used at or before `cutoff`. */
export type SlotRequest = { portalId: string; slots: number; cutoff: Date; now: Date };

function requestRows(store: Store, requests: readonly SlotRequest[]): Prisma.Sql {
  const { dialect } = store;
  return dialect.jsonRows(
    ["portalId", "slots", "cutoff", "now"],
    requests.map((request) => [
      request.portalId,
      String(request.slots),
      dialect.jsonTimestamp(request.cutoff),
      dialect.jsonTimestamp(request.now),
    ]),
  );
}

/**
 * For each request (one per portal), takes the portal's slot used longest ago, stamped with the
 * request's `now`, only if that use is at or before the cutoff: the condition is checked again on the
 * row as it is when written, so a slot another worker has just taken is never taken twice (PostgreSQL
 * re-reads a row updated meanwhile). Returns the portals that got one.
 */
export async function takeOldestSlots(store: Store, requests: readonly SlotRequest[]): Promise<Set<string>> {
  if (requests.length === 0) return new Set();
  const { dialect } = store;
  // Two workers' takes of the same portals may lock their rows in different orders: see retryingDeadlocks.
  const taken = await retryingDeadlocks(
    () => store.db.$queryRaw<{ portalId: string }[]>`
    UPDATE "PortalCallSlot" SET "usedAt" = ${dialect.asTimestamp(Prisma.sql`r."now"`)}
    FROM ${requestRows(store, requests)} AS r
    WHERE "PortalCallSlot"."portalId" = r."portalId" AND "PortalCallSlot"."usedAt" <= ${dialect.asTimestamp(Prisma.sql`r."cutoff"`)}
      AND "PortalCallSlot"."slot" = (
        SELECT s."slot" FROM "PortalCallSlot" s
        WHERE s."portalId" = r."portalId" AND s."slot" < ${dialect.asInteger(Prisma.sql`r."slots"`)}
        ORDER BY s."usedAt" LIMIT 1)
    RETURNING "PortalCallSlot"."portalId"`,
  );
  return new Set(taken.map((row) => row.portalId));
}

/**
 * For each request (one per portal) whose portal has fewer slot rows than `slots`, makes the next
 * one, used at the request's `now`. Two workers making the same slot at once: the primary key lets one of them in.
 * Rows go in in portal order: an insert waits on another worker's uncommitted insert of the same key,
 * and two workers inserting the same portals' slots in different orders deadlocked (PostgreSQL then
 * failed one worker's whole sync pass). Returns the portals that got one.
 */
export async function addSlots(store: Store, requests: readonly SlotRequest[]): Promise<Set<string>> {
  if (requests.length === 0) return new Set();
  const { dialect } = store;
  const count = Prisma.sql`(SELECT COUNT(*) FROM "PortalCallSlot" s WHERE s."portalId" = r."portalId")`;
  const added = await store.db.$queryRaw<{ portalId: string }[]>`
    INSERT INTO "PortalCallSlot" ("portalId", "slot", "usedAt")
    SELECT r."portalId", ${count}, ${dialect.asTimestamp(Prisma.sql`r."now"`)} FROM ${requestRows(store, requests)} AS r
    WHERE ${count} < ${dialect.asInteger(Prisma.sql`r."slots"`)}
    ORDER BY r."portalId"
    ON CONFLICT ("portalId", "slot") DO NOTHING
    RETURNING "portalId"`;
  return new Set(added.map((row) => row.portalId));
}

/** A call that took a slot at `takenAt` and was answered at `answeredAt`. */
export type SlotSettlement = { portalId: string; takenAt: Date; answeredAt: Date };

/** Restamps each slot taken at `takenAt` with `answeredAt`; a slot another worker has taken since keeps its stamp. */
export async function settleSlots(store: Store, settlements: readonly SlotSettlement[]): Promise<void> {
  if (settlements.length === 0) return;
  const { dialect } = store;
  const rows = dialect.jsonRows(
    ["portalId", "takenAt", "answeredAt"],
    settlements.map((settlement) => [
      settlement.portalId,
      dialect.jsonTimestamp(settlement.takenAt),
      dialect.jsonTimestamp(settlement.answeredAt),
    ]),
  );
  await retryingDeadlocks(
    () => store.db.$executeRaw`
    UPDATE "PortalCallSlot" SET "usedAt" = ${dialect.asTimestamp(Prisma.sql`r."answeredAt"`)}
    FROM ${rows} AS r
    WHERE "PortalCallSlot"."portalId" = r."portalId" AND "PortalCallSlot"."usedAt" = ${dialect.asTimestamp(Prisma.sql`r."takenAt"`)}`,
  );
}

/** The portal's slot rows among its first `slots`: how many exist, and the oldest use among them. */
export async function slotUse(db: Db, portalId: string, slots: number): Promise<{ count: number; oldest: Date | null }> {
  const use = await db.portalCallSlot.aggregate({ where: { portalId, slot: { lt: slots } }, _count: true, _min: { usedAt: true } });
  return { count: use._count, oldest: use._min.usedAt };
}
