// The consent side's reads of contacts that still need a step. Written out in SQL because the
// planner's choice here decides whether a read costs one connection's few unread rows or every
// synced row of the platform (see selectContactsWithoutMarketingStatus).
import type { Db } from "../create-client";
import { Prisma } from "../generated/sqlite/client";

export type ContactToRead = { id: string; hubspotContactId: string };

/**
 * Up to `limit` of one connection's synced contacts whose marketing status is not read yet, oldest
 * sync first, meant as a range of the (connectionId, marketingContact, status) index. PostgreSQL
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

type Count = bigint | number | null;

export type ConsentStatusSample = {
  considered: number;
  /** Marketing status read, and of those not marketing contacts. */
  known: number;
  notMarketing: number;
  /** Subscription states the subscription step left. */
  subscribed: number;
  optedOut: number;
  subscriptionFailed: number;
};

/**
 * The consent state of a tenant's latest `sample` synced (or unsubscribed) contacts — of one
 * connection, if given: how many were looked at, their marketing status and their subscription
 * state, counted. Two ranges of the (tenantId, status, createdAt) index read newest first, so the
 * dashboards' cost stays the same at a million signups (counting them all took 900 ms a page).
 */
export async function consentStatusOfLatest(
  db: Db,
  scope: { tenantId: string; connectionId?: string },
  sample: number,
): Promise<ConsentStatusSample> {
  const connection = scope.connectionId === undefined ? Prisma.empty : Prisma.sql`AND "connectionId" = ${scope.connectionId}`;
  const latest = (status: "SYNCED" | "UNSUBSCRIBED") => Prisma.sql`
    SELECT * FROM (SELECT "createdAt", "marketingContact", "subscriptionState" FROM "Signup"
      WHERE "tenantId" = ${scope.tenantId} AND "status" = ${Prisma.raw(`'${status}'`)} AND "erasedAt" IS NULL ${connection}
      ORDER BY "createdAt" DESC LIMIT ${sample}) AS ${Prisma.raw(status.toLowerCase())}`;
  const counted = (condition: string) => Prisma.raw(`SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`);
  const [row] = await db.$queryRaw<Record<keyof ConsentStatusSample, Count>[]>`
    SELECT COUNT(*) AS "considered", COUNT("marketingContact") AS "known",
      ${counted(`"marketingContact" = false`)} AS "notMarketing",
      ${counted(`"subscriptionState" = 'SUBSCRIBED'`)} AS "subscribed",
      ${counted(`"subscriptionState" = 'OPTED_OUT'`)} AS "optedOut",
      ${counted(`"subscriptionState" = 'FAILED'`)} AS "subscriptionFailed"
    FROM (SELECT * FROM (${latest("SYNCED")} UNION ALL ${latest("UNSUBSCRIBED")}) AS both_statuses
      ORDER BY "createdAt" DESC LIMIT ${sample}) AS latest`;
  const number = (key: keyof ConsentStatusSample) => Number(row?.[key] ?? 0);
  return {
    considered: number("considered"),
    known: number("known"),
    notMarketing: number("notMarketing"),
    subscribed: number("subscribed"),
    optedOut: number("optedOut"),
    subscriptionFailed: number("subscriptionFailed"),
  };
}
