// The PostgreSQL signup throttle table keeps only counters whose window is still open.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pruneExpiredSignupCounters } from "@switchboard/lib/signups/intake/intake-rate-limiter";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/databases";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase("postgresql");
});
afterAll(async () => database?.drop());

describe("signup counter pruning on PostgreSQL", () => {
  it("deletes expired counters and keeps open and never-expiring ones", async () => {
    const now = Date.now();
    await database.db.signupRateLimit.createMany({
      data: [
        { key: "signup:t:203.0.113.1", points: 3, expire: BigInt(now - 1) },
        { key: "signup:t:203.0.113.2", points: 1, expire: BigInt(now - 3_600_000) },
        { key: "signup:t:203.0.113.3", points: 2, expire: BigInt(now + 30_000) },
        { key: "signup:t:203.0.113.4", points: 1, expire: null },
      ],
    });
    expect(await pruneExpiredSignupCounters(database.store, now)).toBe(2);
    const left = await database.db.signupRateLimit.findMany({ orderBy: { key: "asc" } });
    expect(left.map((row) => row.key)).toEqual(["signup:t:203.0.113.3", "signup:t:203.0.113.4"]);
  });
});
