// Totals and the 30-day chart of the signups dashboard, read from the trigger-maintained counters
// (a few rows per tenant and day), so a view costs the same at ten signups as at ten million.
// Every query is scoped by the tenant id the guard resolved.
import type { Db } from "@/lib/db/create-client";
import { isUsable, resolveDestination } from "@/lib/signups/sync/destination";

/** What the dashboard shows: WAITING (no usable connection) is shown, and counted, as Pending. */
export type SignupStatusName = "UNCONFIRMED" | "PENDING" | "SYNCED" | "FAILED" | "UNSUBSCRIBED";
export type StatusCounts = Record<SignupStatusName, number>;

const noSignups = (): StatusCounts => ({ UNCONFIRMED: 0, PENDING: 0, SYNCED: 0, FAILED: 0, UNSUBSCRIBED: 0 });

export function shownStatus(status: string): SignupStatusName {
  return status === "SYNCED" || status === "FAILED" || status === "UNCONFIRMED" || status === "UNSUBSCRIBED" ? status : "PENDING";
}

export async function countSignupsByStatus(db: Db, tenantId: string): Promise<StatusCounts> {
  const groups = await db.signupDailyCount.groupBy({ by: ["status"], where: { tenantId }, _sum: { total: true } });
  const counts = noSignups();
  for (const group of groups) counts[shownStatus(group.status)] += group._sum.total ?? 0;
  return counts;
}

export interface DailySignups extends StatusCounts {
  day: string;
}

/** Signups per day of arrival (UTC) for the last `days` days, by where they stand now. */
export async function signupsPerDay(db: Db, tenantId: string, days = 30, now = new Date()): Promise<DailySignups[]> {
  const dayKeys = Array.from({ length: days }, (_, index) =>
    new Date(now.getTime() - (days - 1 - index) * 86_400_000).toISOString().slice(0, 10),
  );
  const rows = await db.signupDailyCount.findMany({
    where: { tenantId, day: { gte: dayKeys[0] } },
    select: { day: true, status: true, total: true },
  });
  const byDay = new Map(dayKeys.map((day) => [day, { day, ...noSignups() } as DailySignups]));
  for (const row of rows) {
    const entry = byDay.get(row.day);
    if (entry) entry[shownStatus(row.status)] += row.total;
  }
  return [...byDay.values()];
}

/**
 * Whether new signups have somewhere to go, in words for the banner above the list: by the one
 * destination rule, so a chosen portal that needs reconnecting is not hidden by another that works.
 */
export async function destinationSummary(db: Db, tenantId: string): Promise<"connected" | "needs-reconnect" | "not-connected"> {
  const destination = await resolveDestination(db, tenantId);
  if (!destination) return "not-connected";
  return isUsable(destination) ? "connected" : "needs-reconnect";
}
