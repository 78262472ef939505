// The consent side's reads of contacts that still need a step. Written out in SQL because the
// planner's choice here decides whether a read costs one connection's few unread rows or every
// synced row of the platform (see selectContactsWithoutMarketingStatus).
import type { Db } from "../create-client";

export type ContactToRead = { id: string; hubspotContactId: string };

/**
 * Up to `limit` of one connection's synced contacts whose marketing status is not read yet, oldest
 * sync first: a range of the (status, marketingContact, connectionId) index. The contact-id test is
 * an expression on purpose: as `"hubspotContactId" IS NOT NULL` it offered PostgreSQL that column's
 * index, which statistics taken before the first sync rate at one row — and then every read walked
 * all synced contacts (270 ms each at 100,000, two fifths of the database's CPU during a sync).
 */
export async function selectContactsWithoutMarketingStatus(db: Db, connectionId: string, limit: number): Promise<ContactToRead[]> {
  return db.$queryRaw<ContactToRead[]>`
    SELECT "id", "hubspotContactId" FROM "Signup"
    WHERE "status" IN ('SYNCED', 'UNSUBSCRIBED') AND "marketingContact" IS NULL AND "connectionId" = ${connectionId}
      AND "erasedAt" IS NULL AND COALESCE("hubspotContactId", '') <> ''
    ORDER BY "syncedAt" LIMIT ${limit}`;
}
