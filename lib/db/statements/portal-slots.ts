// The shared portal budget's statements (lib/signups/sync/shared-portal-budget.ts decides when a
// call may go): taking a portal's least recently used slot by compare-and-swap, and settling a
// slot's stamp to the time HubSpot answered.
import type { Db } from "../create-client";

/**
 * Takes the portal's slot used longest ago, only if that use is at or before `cutoff`: the
 * condition is checked again on the row as it is when written, so a slot another worker has just
 * taken is never taken twice (PostgreSQL re-reads a row updated meanwhile). True when taken.
 */
export async function takeOldestSlot(db: Db, portalId: string, slots: number, cutoff: Date, now: Date): Promise<boolean> {
  const taken = await db.$executeRaw`
    UPDATE "PortalCallSlot" SET "usedAt" = ${now}
    WHERE "portalId" = ${portalId} AND "usedAt" <= ${cutoff} AND "slot" = (
      SELECT "slot" FROM "PortalCallSlot" WHERE "portalId" = ${portalId} AND "slot" < ${slots} ORDER BY "usedAt" LIMIT 1)`;
  return taken === 1;
}

/** Restamps the slot taken at `takenAt` with `answeredAt`; a slot another worker has taken since keeps its stamp. */
export async function settleSlot(db: Db, portalId: string, takenAt: Date, answeredAt: Date): Promise<void> {
  await db.$executeRaw`UPDATE "PortalCallSlot" SET "usedAt" = ${answeredAt} WHERE "portalId" = ${portalId} AND "usedAt" = ${takenAt}`;
}
