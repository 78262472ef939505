// The role rules on both databases: only an OWNER grants or removes OWNER, the last OWNER can be
// neither demoted nor removed (even by two owners demoting each other at once), a MEMBER changes
// nothing, and every change is an audit event.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { changeMemberRole } from "@switchboard/lib/people/members/change-member-role";
import { listMembers } from "@switchboard/lib/people/members/list-people";
import { withTenantPeopleLock } from "@switchboard/lib/people/members/lock-tenant-people";
import { removeMember } from "@switchboard/lib/people/members/remove-member";
import { createTestDatabase, testProviders, type TestDatabase } from "@/tests/helpers/databases";
import { seedPerson, seedTenant } from "@/tests/helpers/seed-tenant";
import { acme, globex } from "./support";

describe.each(testProviders)("member roles on %s", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => database?.drop());
  beforeEach(async () => database.reset());

  it("lets an admin change members and admins, but not grant or take away OWNER", async () => {
    const { db } = database;
    const {
      tenant,
      people: [owner],
    } = await seedTenant(db, acme);
    const admin = await seedPerson(db, tenant.id, { role: "ADMIN", email: "admin@acme.test" });
    const member = await seedPerson(db, tenant.id, { role: "MEMBER", email: "member@acme.test" });

    expect(await changeMemberRole(db, admin.actor, tenant.id, { membershipId: member.membershipId, role: "ADMIN" })).toEqual({
      email: "member@acme.test",
      from: "MEMBER",
      to: "ADMIN",
    });
    await expect(changeMemberRole(db, admin.actor, tenant.id, { membershipId: member.membershipId, role: "OWNER" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(changeMemberRole(db, admin.actor, tenant.id, { membershipId: owner.membershipId, role: "ADMIN" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(removeMember(db, admin.actor, tenant.id, owner.membershipId)).rejects.toMatchObject({ code: "forbidden" });
    expect((await listMembers(db, tenant.id)).map((m) => [m.email, m.role])).toEqual([
      ["owner@acme.test", "OWNER"],
      ["admin@acme.test", "ADMIN"],
      ["member@acme.test", "ADMIN"],
    ]);
  });

  it("lets a member change nothing", async () => {
    const { db } = database;
    const { tenant } = await seedTenant(db, acme);
    const member = await seedPerson(db, tenant.id, { role: "MEMBER", email: "member@acme.test" });
    const other = await seedPerson(db, tenant.id, { role: "MEMBER", email: "other@acme.test" });
    await expect(changeMemberRole(db, member.actor, tenant.id, { membershipId: other.membershipId, role: "ADMIN" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(removeMember(db, member.actor, tenant.id, other.membershipId)).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.membership.count({ where: { tenantId: tenant.id } })).toBe(3);
  });

  it("never demotes or removes the last owner, and lets an owner hand over first", async () => {
    const { db } = database;
    const {
      tenant,
      people: [owner],
    } = await seedTenant(db, acme);
    const admin = await seedPerson(db, tenant.id, { role: "ADMIN", email: "admin@acme.test" });
    await expect(changeMemberRole(db, owner.actor, tenant.id, { membershipId: owner.membershipId, role: "ADMIN" })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(removeMember(db, owner.actor, tenant.id, owner.membershipId)).rejects.toMatchObject({ code: "conflict" });

    await changeMemberRole(db, owner.actor, tenant.id, { membershipId: admin.membershipId, role: "OWNER" });
    await changeMemberRole(db, owner.actor, tenant.id, { membershipId: owner.membershipId, role: "MEMBER" });
    expect((await listMembers(db, tenant.id)).map((m) => m.role)).toEqual(["MEMBER", "OWNER"]);
    const audit = await db.auditEvent.findMany({
      where: { tenantId: tenant.id },
      orderBy: { createdAt: "asc" },
      select: { action: true, detail: true },
    });
    expect(audit).toEqual([
      { action: "member_role_change", detail: "Changed admin@acme.test from ADMIN to OWNER" },
      { action: "member_role_change", detail: "Changed owner@acme.test from OWNER to MEMBER" },
    ]);
  });

  it("keeps one owner when two owners demote each other at the same moment", async () => {
    const { db } = database;
    const {
      tenant,
      people: [owner],
    } = await seedTenant(db, acme);
    const second = await seedPerson(db, tenant.id, { role: "OWNER", email: "second@acme.test" });
    // Each change demotes the other owner, then waits (up to 1 s) for the other change to have done
    // the same before checking "an owner remains". Without the per-tenant lock both would see the
    // other's uncommitted row as still OWNER and commit, leaving none; with it the second change
    // cannot start until the first is committed, so it sees the truth and is refused.
    let arrived = 0;
    const bothDemoted = () =>
      new Promise<void>((resolve) => {
        arrived += 1;
        const started = Date.now();
        const poll = () => (arrived >= 2 || Date.now() - started > 1_000 ? resolve() : setTimeout(poll, 10));
        poll();
      });
    const demote = (membershipId: string) =>
      withTenantPeopleLock(db, tenant.id, async (tx) => {
        await tx.membership.update({ where: { id: membershipId }, data: { role: "ADMIN" } });
        await bothDemoted();
      });
    const results = await Promise.allSettled([demote(second.membershipId), demote(owner.membershipId)]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.membership.count({ where: { tenantId: tenant.id, role: "OWNER" } })).toBe(1);
  });

  it("removes a member of this tenant only, keeps the account, and answers another tenant's id as not found", async () => {
    const { db } = database;
    const {
      tenant,
      people: [owner],
    } = await seedTenant(db, acme);
    const other = await seedTenant(db, globex);
    const member = await seedPerson(db, tenant.id, { role: "MEMBER", email: "member@acme.test" });
    await expect(removeMember(db, owner.actor, tenant.id, other.people[0].membershipId)).rejects.toMatchObject({ code: "not_found" });
    await expect(
      changeMemberRole(db, owner.actor, tenant.id, { membershipId: other.people[0].membershipId, role: "MEMBER" }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await removeMember(db, owner.actor, tenant.id, member.membershipId)).toEqual({ email: "member@acme.test" });
    expect(await db.user.count({ where: { email: "member@acme.test" } })).toBe(1);
    expect(await db.membership.count({ where: { tenantId: other.tenant.id } })).toBe(1);
    expect((await db.auditEvent.findFirstOrThrow({ where: { tenantId: tenant.id } })).detail).toBe("Removed member@acme.test (MEMBER)");
  });
});
