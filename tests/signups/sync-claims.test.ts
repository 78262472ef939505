// Claims on real databases: a worker only pushes rows it still holds, so a claim that lapsed while
// it waited for a token or a rate slot can never lead to the same rows being sent twice.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { renewClaims } from "@switchboard/lib/signups/sync/claim-signups";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/databases";
import { seedTenant } from "@/tests/helpers/seed-tenant";

describe.each(["sqlite", "postgresql"] as const)("sync claims on %s", (provider) => {
  let database: TestDatabase;
  let tenantId: string;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    tenantId = (await seedTenant(database.db)).tenant.id;
  });
  afterAll(async () => database?.drop());
  beforeEach(async () => {
    await database.db.signup.deleteMany({});
  });

  async function signupsClaimedBy(workerId: string, claimedUntil: Date) {
    return Promise.all(
      ["a", "b", "c"].map((name) =>
        database.db.signup.create({
          data: { tenantId, email: `${name}@example.com`, emailNormalized: `${name}@example.com`, claimedBy: workerId, claimedUntil },
          select: { id: true },
        }),
      ),
    );
  }

  it("extends a live claim and keeps every row of the batch", async () => {
    const batch = await signupsClaimedBy("worker-a", new Date(Date.now() + 1_000));
    const held = await renewClaims(database.store, "worker-a", batch, 60_000);
    expect(held).toEqual(batch);
    const rows = await database.db.signup.findMany({ where: { id: { in: batch.map((row) => row.id) } } });
    for (const row of rows) expect(row.claimedUntil!.getTime()).toBeGreaterThan(Date.now() + 30_000);
  });

  it("drops rows whose claim lapsed or that another worker took over", async () => {
    const batch = await signupsClaimedBy("worker-a", new Date(Date.now() + 60_000));
    const [lapsed, takenOver, stillHeld] = batch;
    await database.db.signup.update({ where: { id: lapsed!.id }, data: { claimedUntil: new Date(Date.now() - 1_000) } });
    await database.db.signup.update({ where: { id: takenOver!.id }, data: { claimedBy: "worker-b" } });
    expect(await renewClaims(database.store, "worker-a", batch, 60_000)).toEqual([stillHeld]);
    const lapsedRow = await database.db.signup.findUniqueOrThrow({ where: { id: lapsed!.id } });
    expect(lapsedRow.claimedUntil!.getTime()).toBeLessThan(Date.now());
  });
});
