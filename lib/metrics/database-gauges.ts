// Gauges read from the database when /metrics is scraped: signups per status from the maintained
// counters (a few rows per tenant and day, never the signups themselves), and how many signups and
// webhook deliveries are due now, counted only up to a cap so a scrape never walks a large backlog.
import { Gauge } from "prom-client";
import type { Db } from "@/lib/db/create-client";
import { metrics } from "./registry";

const DUE_COUNT_CAP = 10_000;

let registered = false;

export function registerDatabaseGauges(db: Db): void {
  if (registered) return;
  registered = true;
  const registers = [metrics().registry];
  new Gauge({
    name: "switchboard_signups",
    help: "Signups by status: UNCONFIRMED (double opt-in), PENDING (due set), WAITING (no usable connection), SYNCED, FAILED, UNSUBSCRIBED",
    labelNames: ["status"],
    registers,
    async collect() {
      const groups = await db.signupDailyCount.groupBy({ by: ["status"], _sum: { total: true } });
      for (const status of ["UNCONFIRMED", "PENDING", "WAITING", "SYNCED", "FAILED", "UNSUBSCRIBED"] as const) {
        this.set({ status }, groups.find((group) => group.status === status)?._sum.total ?? 0);
      }
    },
  });
  new Gauge({
    name: "switchboard_signups_due",
    help: `PENDING signups whose next attempt is due now (counted up to ${DUE_COUNT_CAP})`,
    registers,
    async collect() {
      const rows = await db.$queryRaw<{ due: number | bigint }[]>`
        SELECT COUNT(*) AS "due" FROM (SELECT 1 FROM "Signup" WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${new Date()} LIMIT ${DUE_COUNT_CAP}) capped`;
      this.set(Number(rows[0]?.due ?? 0));
    },
  });
  new Gauge({
    name: "switchboard_webhook_deliveries_due",
    help: `Webhook deliveries waiting for their next attempt and due now (counted up to ${DUE_COUNT_CAP})`,
    registers,
    async collect() {
      const rows = await db.$queryRaw<{ due: number | bigint }[]>`
        SELECT COUNT(*) AS "due" FROM (SELECT 1 FROM "WebhookDelivery" WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${new Date()} LIMIT ${DUE_COUNT_CAP}) capped`;
      this.set(Number(rows[0]?.due ?? 0));
    },
  });
}
