// The newsletter destination rule is written once (lib/signups/sync/destination.ts) and used in two
// forms: pickDestination for reads and usableDestinationSql inside the statement that parks signups.
// Both must agree in every case, on both databases; and the signups banner follows the same rule.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { destinationSummary } from "@switchboard/lib/signups/dashboard/signup-overview";
import { usableDestinationSql } from "@switchboard/lib/db/statements/signup-queue";
import { isUsable, resolveDestination } from "@switchboard/lib/signups/sync/destination";
import { createTestDatabase, testProviders, type TestDatabase } from "@/tests/helpers/databases";
import { seedTenant } from "@/tests/helpers/seed-tenant";

type Status = "CONNECTED" | "DEGRADED" | "NEEDS_RECONNECT";
type Scenario = { name: string; statuses: Status[]; chosen: number | null };

const scenarios: Scenario[] = [
  { name: "no connection", statuses: [], chosen: null },
  { name: "one working connection", statuses: ["CONNECTED"], chosen: null },
  { name: "oldest needs reconnect, none chosen", statuses: ["NEEDS_RECONNECT", "CONNECTED"], chosen: null },
  { name: "chosen needs reconnect while another works", statuses: ["CONNECTED", "NEEDS_RECONNECT"], chosen: 1 },
  { name: "chosen degraded", statuses: ["NEEDS_RECONNECT", "DEGRADED"], chosen: 1 },
  { name: "chosen working, oldest broken", statuses: ["NEEDS_RECONNECT", "CONNECTED"], chosen: 1 },
];

describe.each(testProviders)("the destination rule on %s", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => database?.drop());

  it.each(scenarios)("pickDestination and its SQL form agree: $name", async ({ statuses, chosen }) => {
    const { db } = database;
    const { tenant } = await seedTenant(db);
    const ids: string[] = [];
    for (const [index, status] of statuses.entries()) {
      const row = await db.connection.create({
        data: {
          tenantId: tenant.id,
          provider: "hubspot",
          portalId: String(1000 + index),
          status,
          createdAt: new Date(Date.UTC(2026, 0, 1 + index)),
        },
      });
      ids.push(row.id);
    }
    if (chosen !== null) await db.tenant.update({ where: { id: tenant.id }, data: { newsletterConnectionId: ids[chosen] } });

    const destination = await resolveDestination(db, tenant.id);
    const expectedId = chosen !== null ? ids[chosen] : ids[0];
    expect(destination?.connectionId ?? null).toBe(expectedId ?? null);
    const [row] = await db.$queryRaw<
      { usable: unknown }[]
    >`SELECT CASE WHEN ${usableDestinationSql(tenant.id)} THEN 1 ELSE 0 END AS usable`;
    const usable = row?.usable;
    expect(Number(usable) === 1).toBe(isUsable(destination));
    const banner = await destinationSummary(db, tenant.id);
    expect(banner).toBe(!destination ? "not-connected" : isUsable(destination) ? "connected" : "needs-reconnect");
  });

  it("the banner says needs-reconnect when the chosen portal is broken, though another works", async () => {
    const { db } = database;
    const { tenant } = await seedTenant(db);
    await db.connection.create({ data: { tenantId: tenant.id, provider: "hubspot", portalId: "1", status: "CONNECTED" } });
    const broken = await db.connection.create({
      data: { tenantId: tenant.id, provider: "hubspot", portalId: "2", status: "NEEDS_RECONNECT" },
    });
    await db.tenant.update({ where: { id: tenant.id }, data: { newsletterConnectionId: broken.id } });
    expect(await destinationSummary(db, tenant.id)).toBe("needs-reconnect");
  });
});
