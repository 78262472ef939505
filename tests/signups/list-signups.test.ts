// The dashboard's signup list at scale: keyset pages that cover every row exactly once (ties on
// the same instant included), the status filter (Pending = PENDING + WAITING), the email prefix
// search, the CSV rows, and counts/chart read from the maintained counters.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listSignups } from "@switchboard/lib/signups/dashboard/list-signups";
import { countSignupsByStatus, signupsPerDay } from "@switchboard/lib/signups/dashboard/signup-overview";
import { signupCsvRow } from "@switchboard/lib/signups/dashboard/signups-csv";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/databases";
import { seedTenant } from "@/tests/helpers/seed-tenant";

describe.each(["sqlite", "postgresql"] as const)("signup list on %s", (provider) => {
  let database: TestDatabase;
  let tenantId: string;
  const sameInstant = new Date("2026-11-20T10:00:00.000Z");
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    tenantId = (await seedTenant(database.db)).tenant.id;
    const statuses = ["PENDING", "WAITING", "SYNCED", "FAILED"] as const;
    // 230 rows, 40 of them sharing one createdAt, so pages must break ties by id.
    await database.db.signup.createMany({
      data: Array.from({ length: 230 }, (_, index) => ({
        tenantId,
        email: `User${String(index).padStart(3, "0")}@Example.com`,
        emailNormalized: `user${String(index).padStart(3, "0")}@example.com`,
        status: statuses[index % 4],
        createdAt: index < 40 ? sameInstant : new Date(sameInstant.getTime() + index * 60_000),
      })),
    });
    const other = (await seedTenant(database.db)).tenant.id;
    await database.db.signup.create({ data: { tenantId: other, email: "user000@example.com", emailNormalized: "user000@example.com" } });
  });
  afterAll(async () => database?.drop());

  async function everyPage(query: { status?: "PENDING" | "SYNCED" | "FAILED"; q?: string }, take: number) {
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 100; page++) {
      const result = await listSignups(database.db, tenantId, { ...query, after }, take);
      seen.push(...result.items.map((item) => item.email));
      if (!result.next) break;
      after = result.next;
    }
    return seen;
  }

  it("pages through every signup once, newest first, ties included", async () => {
    const seen = await everyPage({}, 17);
    expect(seen).toHaveLength(230);
    expect(new Set(seen).size).toBe(230);
    expect(seen[0]).toBe("User229@Example.com");
  });

  it("filters by status, showing WAITING as Pending", async () => {
    const pending = await everyPage({ status: "PENDING" }, 25);
    expect(pending).toHaveLength(116);
    const page = await listSignups(database.db, tenantId, { status: "PENDING" }, 200);
    expect(new Set(page.items.map((item) => item.status))).toEqual(new Set(["PENDING"]));
    expect(await everyPage({ status: "FAILED" }, 25)).toHaveLength(57);
  });

  it("searches by email prefix in address order, across pages", async () => {
    const found = await everyPage({ q: "user1" }, 30);
    expect(found).toHaveLength(100);
    expect(found[0]).toBe("User100@Example.com");
    expect(found.at(-1)).toBe("User199@Example.com");
    expect(await everyPage({ q: "user22", status: "SYNCED" }, 5)).toEqual(["User222@Example.com", "User226@Example.com"]);
    expect(await everyPage({ q: "nobody" }, 5)).toEqual([]);
  });

  it("ignores a forged cursor instead of failing", async () => {
    const result = await listSignups(database.db, tenantId, { after: "not-a-cursor" }, 5);
    expect(result.items).toHaveLength(5);
  });

  it("counts and charts from the counters", async () => {
    expect(await countSignupsByStatus(database.db, tenantId)).toEqual({
      UNCONFIRMED: 0,
      PENDING: 116,
      SYNCED: 57,
      FAILED: 57,
      UNSUBSCRIBED: 0,
    });
    const days = await signupsPerDay(database.db, tenantId, 30, new Date("2026-11-21T12:00:00.000Z"));
    expect(days).toHaveLength(30);
    expect(days.at(-1)!.day).toBe("2026-11-21");
    const total = days.reduce((sum, day) => sum + day.PENDING + day.SYNCED + day.FAILED, 0);
    expect(total).toBe(230);
  });
});

describe("signup CSV rows", () => {
  it("quotes separators and defuses spreadsheet formulas", () => {
    const row = signupCsvRow({
      id: "s1",
      email: "a@example.com",
      firstName: '=HYPERLINK("x"), Bob',
      lastName: null,
      company: "+Acme, Inc.",
      freeText: "@mention",
      status: "FAILED",
      createdAt: new Date("2026-11-20T10:00:00.000Z"),
      syncedAt: null,
      attempts: 2,
      lastError: "-bad",
      hubspotContactId: null,
      portalId: null,
      subscriptionState: null,
      marketingContact: null,
      erased: false,
    });
    expect(row).toBe(`a@example.com,"'=HYPERLINK(""x""), Bob",failed,2026-11-20T10:00:00.000Z,,2,,,'-bad,,"'+Acme, Inc.",'@mention\r\n`);
  });
});
