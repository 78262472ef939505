// Contract: the signup queue's statements behave alike on SQLite and PostgreSQL — which tenants have
// pending rows, claims of due rows only under a lease, renewals that keep only live claims, parking
// that respects a usable destination, and the planner statistics refresh.
import { describe, expect, it } from "vitest";
import {
  claimDueSignups,
  parkPendingSignups,
  refreshPlannerStatistics,
  renewSignupClaims,
  selectPendingTenantRange,
  selectTenantsWithPendingSignups,
} from "@switchboard/lib/db/statements/signup-queue";
import { testProviders } from "@/tests/helpers/databases";
import { seedTenant } from "@/tests/helpers/seed-tenant";
import { addSignup, useStatementWorld } from "./support/statement-world";

const MINUTE = 60_000;

describe.each(testProviders)("signup queue statements on %s", (provider) => {
  const world = useStatementWorld(provider);

  it("lists each tenant with PENDING rows once, in id order, and no tenant whose rows wait or are done", async () => {
    const w = world();
    const { tenant: other } = await seedTenant(w.database.db, { people: [] });
    const { tenant: idle } = await seedTenant(w.database.db, { people: [] });
    await addSignup(w);
    await addSignup(w, { nextAttemptAt: new Date(Date.now() + MINUTE) });
    await w.database.db.signup.create({ data: { tenantId: other.id, email: "o@example.com", emailNormalized: "o@example.com" } });
    await w.database.db.signup.create({
      data: { tenantId: idle.id, email: "i@example.com", emailNormalized: "i@example.com", status: "WAITING" },
    });
    expect(await selectTenantsWithPendingSignups(w.database.db)).toEqual([w.tenantId, other.id].sort());
  });

  it("lists the next tenants with PENDING rows after a cursor, at most as many as asked", async () => {
    const w = world();
    const tenantIds = [w.tenantId];
    for (let index = 0; index < 4; index++) tenantIds.push((await seedTenant(w.database.db, { people: [] })).tenant.id);
    for (const tenantId of tenantIds)
      await w.database.db.signup.create({
        data: { tenantId, email: `${tenantId}@example.com`, emailNormalized: `${tenantId}@example.com` },
      });
    const sorted = [...tenantIds].sort();
    const { db } = w.database;
    expect(await selectTenantsWithPendingSignups(db, { limit: 2 })).toEqual(sorted.slice(0, 2));
    expect(await selectTenantsWithPendingSignups(db, { after: sorted[1], limit: 2 })).toEqual(sorted.slice(2, 4));
    expect(await selectTenantsWithPendingSignups(db, { after: sorted[3], limit: 2 })).toEqual(sorted.slice(4));
    expect(await selectTenantsWithPendingSignups(db, { after: sorted[4], limit: 2 })).toEqual([]);
    expect(await selectTenantsWithPendingSignups(db, { limit: 0 })).toEqual([]);
  });

  it("tells the lowest and highest tenant ids with PENDING rows, or nothing when none has any", async () => {
    const w = world();
    expect(await selectPendingTenantRange(w.database.db)).toBeNull();
    const { tenant: other } = await seedTenant(w.database.db, { people: [] });
    const { tenant: waiting } = await seedTenant(w.database.db, { people: [] });
    await addSignup(w);
    await w.database.db.signup.create({ data: { tenantId: other.id, email: "o@example.com", emailNormalized: "o@example.com" } });
    await w.database.db.signup.create({
      data: { tenantId: waiting.id, email: "w@example.com", emailNormalized: "w@example.com", status: "WAITING" },
    });
    const [first, last] = [w.tenantId, other.id].sort();
    expect(await selectPendingTenantRange(w.database.db)).toEqual({ first, last });
  });

  it("claims the tenant's due rows oldest first up to the limit, moving them out of the due range for the lease", async () => {
    const w = world();
    const now = new Date();
    const oldest = await addSignup(w, { nextAttemptAt: new Date(now.getTime() - 3 * MINUTE), lastName: "Lovelace", company: "Analytical" });
    const older = await addSignup(w, { nextAttemptAt: new Date(now.getTime() - 2 * MINUTE) });
    await addSignup(w, { nextAttemptAt: new Date(now.getTime() - MINUTE) });
    const later = await addSignup(w, { nextAttemptAt: new Date(now.getTime() + MINUTE) });
    const leaseUntil = new Date(now.getTime() + 5 * MINUTE);
    const claim = { workerId: "w1", tenantIds: [w.tenantId], limit: 2, now, leaseUntil, reclaimedMessage: "reclaimed" };
    const claimed = await claimDueSignups(w.database.store, claim);
    expect(claimed.map((row) => row.id).sort()).toEqual([oldest.id, older.id].sort());
    expect(claimed[0]).toMatchObject({ tenantId: w.tenantId, attempts: 0, lastError: null });
    // What the sync sends: the optional form fields' answers come with the claim.
    expect(claimed.find((row) => row.id === oldest.id)).toMatchObject({ lastName: "Lovelace", company: "Analytical", freeText: null });
    expect(claimed[0]!.createdAt).toBeInstanceOf(Date);
    const rows = await w.database.db.signup.findMany({ where: { claimedBy: "w1" } });
    expect(rows.map((row) => row.nextAttemptAt.getTime())).toEqual([leaseUntil.getTime(), leaseUntil.getTime()]);
    // A second worker gets the remaining due row only; the future one stays unclaimed.
    const second = await claimDueSignups(w.database.store, { ...claim, workerId: "w2", limit: 10 });
    expect(second).toHaveLength(1);
    expect((await w.database.db.signup.findUniqueOrThrow({ where: { id: later.id } })).claimedBy).toBeNull();
  });

  it("claims for many tenants in one statement, each up to the limit, and none of a tenant not named", async () => {
    const w = world();
    const now = new Date();
    const { tenant: second } = await seedTenant(w.database.db, { people: [] });
    const { tenant: notNamed } = await seedTenant(w.database.db, { people: [] });
    const rowsOf = async (tenantId: string, count: number) => {
      const ids: string[] = [];
      for (let index = 0; index < count; index++) {
        const email = `${tenantId}-${index}@example.com`;
        const row = await w.database.db.signup.create({
          data: { tenantId, email, emailNormalized: email, nextAttemptAt: new Date(now.getTime() - (count - index) * MINUTE) },
        });
        ids.push(row.id);
      }
      return ids;
    };
    const first = await rowsOf(w.tenantId, 3);
    const other = await rowsOf(second.id, 1);
    await rowsOf(notNamed.id, 2);
    const claimed = await claimDueSignups(w.database.store, {
      workerId: "w1",
      tenantIds: [w.tenantId, second.id],
      limit: 2,
      now,
      leaseUntil: new Date(now.getTime() + MINUTE),
      reclaimedMessage: "reclaimed",
    });
    expect(claimed.map((row) => row.id).sort()).toEqual([...first.slice(0, 2), ...other].sort());
    expect(
      await claimDueSignups(w.database.store, { workerId: "w1", tenantIds: [], limit: 2, now, leaseUntil: now, reclaimedMessage: "" }),
    ).toEqual([]);
  });

  it("marks a row taken over from a worker whose lease ran out", async () => {
    const w = world();
    const now = new Date();
    const abandoned = await addSignup(w, {
      claimedBy: "dead",
      claimedUntil: new Date(now.getTime() - 1),
      nextAttemptAt: new Date(now.getTime() - 1),
    });
    const [claimed] = await claimDueSignups(w.database.store, {
      workerId: "w1",
      tenantIds: [w.tenantId],
      limit: 10,
      now,
      leaseUntil: new Date(now.getTime() + MINUTE),
      reclaimedMessage: "reclaimed",
    });
    expect(claimed).toMatchObject({ id: abandoned.id, lastError: "reclaimed" });
  });

  it("renews only the claims this worker still holds", async () => {
    const w = world();
    const now = new Date();
    const live = await addSignup(w, { claimedBy: "w1", claimedUntil: new Date(now.getTime() + MINUTE) });
    const lapsed = await addSignup(w, { claimedBy: "w1", claimedUntil: new Date(now.getTime() - 1) });
    const taken = await addSignup(w, { claimedBy: "w2", claimedUntil: new Date(now.getTime() + MINUTE) });
    const held = await renewSignupClaims(
      w.database.store,
      "w1",
      [live.id, lapsed.id, taken.id],
      now,
      new Date(now.getTime() + 10 * MINUTE),
    );
    expect([...held]).toEqual([live.id]);
    expect((await w.database.db.signup.findUniqueOrThrow({ where: { id: live.id } })).claimedUntil!.getTime()).toBe(
      now.getTime() + 10 * MINUTE,
    );
  });

  it("parks PENDING rows only while the tenant has no usable connection", async () => {
    const w = world();
    const row = await addSignup(w);
    expect(await parkPendingSignups(w.database.db, w.tenantId, "waiting")).toBe(0);
    await w.database.db.connection.update({ where: { id: w.connectionId }, data: { status: "NEEDS_RECONNECT" } });
    expect(await parkPendingSignups(w.database.db, w.tenantId, "waiting")).toBe(1);
    expect(await w.database.db.signup.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "WAITING",
      lastError: "waiting",
    });
  });

  it("refreshes the planner's statistics where the database needs it, and is harmless where it does not", async () => {
    const w = world();
    await addSignup(w);
    await expect(refreshPlannerStatistics(w.database.store)).resolves.toBeUndefined();
    if (provider === "sqlite") {
      const stats = await w.database.db.$queryRawUnsafe<{ tbl: string }[]>(`SELECT "tbl" FROM "sqlite_stat1" WHERE "tbl" = 'Signup'`);
      expect(stats.length).toBeGreaterThan(0);
    }
  });
});
