// The consent side's reads of contacts that still need a step. Written out in SQL because the
// planner's choice here decides whether a read costs one connection's few unread rows or every
// synced row of the platform (see selectContactsWithoutMarketingStatus).
import type { Db } from "../create-client";

export type ContactToRead = { id: string; hubspotContactId: string };

/**
 * Up to `limit` of one connection's synced contacts whose marketing status is not read yet, oldest
 * sync first, meant as a range of the (status, marketingContact, connectionId) index. PostgreSQL
 * plans it from statistics that, taken before a sync, rate every synced row as rare; any index then
 * looks as good as another, so the statement leaves none that could read beyond the one tenant: the
 * tenant is named (its rows, at worst, instead of the platform's), and the contact-id test is an
 * expression (as `"hubspotContactId" IS NOT NULL` it offered that column's index, and every read
 * walked all synced contacts: 270 ms each at 100,000, two fifths of the database's CPU during a sync).
 */
export async function selectContactsWithoutMarketingStatus(
  db: Db,
  portal: { tenantId: string; connectionId: string },
  limit: number,
): Promise<ContactToRead[]> {
  return db.$queryRaw<ContactToRead[]>`
    SELECT "id", "hubspotContactId" FROM "Signup"
    WHERE "status" IN ('SYNCED', 'UNSUBSCRIBED') AND "tenantId" = ${portal.tenantId} AND "marketingContact" IS NULL
      AND "connectionId" = ${portal.connectionId} AND "erasedAt" IS NULL AND COALESCE("hubspotContactId", '') <> ''
    ORDER BY "syncedAt" LIMIT ${limit}`;
}
