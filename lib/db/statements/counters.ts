// The metrics gauges' counting statements: how many signups and webhook deliveries are due now,
// counted only up to a cap so a scrape never walks a large backlog.
import type { Db } from "../create-client";

export async function countDueSignups(db: Db, now: Date, cap: number): Promise<number> {
  const rows = await db.$queryRaw<{ due: number | bigint }[]>`
    SELECT COUNT(*) AS "due" FROM (SELECT 1 FROM "Signup" WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${now} LIMIT ${cap}) capped`;
  return Number(rows[0]?.due ?? 0);
}

export async function countDueDeliveries(db: Db, now: Date, cap: number): Promise<number> {
  const rows = await db.$queryRaw<{ due: number | bigint }[]>`
    SELECT COUNT(*) AS "due" FROM (SELECT 1 FROM "WebhookDelivery" WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${now} LIMIT ${cap}) capped`;
  return Number(rows[0]?.due ?? 0);
}
