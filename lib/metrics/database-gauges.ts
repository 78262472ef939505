// Gauges read from the database when /metrics is scraped: signups per status from the maintained
// counters (a few rows per tenant and day, never the signups themselves), and how many signups and
// webhook deliveries are due now, counted only up to a cap so a scrape never walks a large backlog.
import { Gauge, type Registry } from "prom-client";
import type { Db } from "@/lib/db/create-client";
import { countDueDeliveries, countDueSignups } from "@/lib/db/statements/counters";

const DUE_COUNT_CAP = 10_000;

const GAUGE_NAMES = ["switchboard_signups", "switchboard_signups_due", "switchboard_webhook_deliveries_due"] as const;

/** The gauges of `registry` read `db` from now on (a runtime registers its own database when it is
 * built; the metrics registry is the process's, so the newest runtime's database is the one read). */
export function registerDatabaseGauges(registry: Registry, db: Db): void {
  for (const name of GAUGE_NAMES) registry.removeSingleMetric(name);
  const registers = [registry];
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
      this.set(await countDueSignups(db, new Date(), DUE_COUNT_CAP));
    },
  });
  new Gauge({
    name: "switchboard_webhook_deliveries_due",
    help: `Webhook deliveries waiting for their next attempt and due now (counted up to ${DUE_COUNT_CAP})`,
    registers,
    async collect() {
      this.set(await countDueDeliveries(db, new Date(), DUE_COUNT_CAP));
    },
  });
}
