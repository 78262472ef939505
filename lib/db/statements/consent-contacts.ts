// The consent side's reads of contacts that still need a step. Written out in SQL because the
// planner's choice here decides whether a read costs one connection's few unread rows or every
// synced row of the platform (see selectContactsWithoutMarketingStatus).
import type { Db } from "../create-client";
import { Prisma } from "../generated/sqlite/client";

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

export type MarketingStatusSample = { considered: number; known: number; notMarketing: number };

/**
 * The marketing status of a tenant's latest `sample` synced (or unsubscribed) contacts — of one
 * connection, if given: how many were looked at, how many have a status read, how many are not
 * marketing contacts. Two ranges of the (tenantId, status, createdAt) index read newest first, so
 * the dashboards' cost stays the same at a million signups (counting them all took 900 ms a page).
 */
export async function marketingStatusOfLatest(
  db: Db,
  scope: { tenantId: string; connectionId?: string },
  sample: number,
): Promise<MarketingStatusSample> {
  const connection = scope.connectionId === undefined ? Prisma.empty : Prisma.sql`AND "connectionId" = ${scope.connectionId}`;
  const latest = (status: "SYNCED" | "UNSUBSCRIBED") => Prisma.sql`
    SELECT * FROM (SELECT "createdAt", "marketingContact" FROM "Signup"
      WHERE "tenantId" = ${scope.tenantId} AND "status" = ${Prisma.raw(`'${status}'`)} AND "erasedAt" IS NULL ${connection}
      ORDER BY "createdAt" DESC LIMIT ${sample}) AS ${Prisma.raw(status.toLowerCase())}`;
  const [row] = await db.$queryRaw<{ considered: bigint | number; known: bigint | number | null; notMarketing: bigint | number | null }[]>`
    SELECT COUNT(*) AS "considered", COUNT("marketingContact") AS "known",
      SUM(CASE WHEN "marketingContact" = false THEN 1 ELSE 0 END) AS "notMarketing"
    FROM (SELECT * FROM (${latest("SYNCED")} UNION ALL ${latest("UNSUBSCRIBED")}) AS both_statuses
      ORDER BY "createdAt" DESC LIMIT ${sample}) AS latest`;
  return { considered: Number(row?.considered ?? 0), known: Number(row?.known ?? 0), notMarketing: Number(row?.notMarketing ?? 0) };
}
