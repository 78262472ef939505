// The role rules on both databases: only an OWNER grants or removes OWNER, the last OWNER can be
// neither demoted nor removed (even by two owners demoting each other at once), a MEMBER changes
// nothing, and every change is an audit event.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { changeMemberRole } from "@switchboard/lib/people/members/change-member-role";
import { listMembers } from "@switchboard/lib/people/members/list-people";
import { removeMember } from "@switchboard/lib/people/members/remove-member";
import { createTestDatabase, testProviders, type TestDatabase } from "@/tests/helpers/databases";
import { addPerson, arrangeTenant } from "./support";

describe.each(testProviders)("member roles on %s", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => database?.drop());
  beforeEach(async () => database.reset());

  it("lets an admin change members and admins, but not grant or take away OWNER", async () => {
    const { db } = database;
    const { tenant, owner } = await arrangeTenant(db);
    const admin = await addPerson(db, tenant.id, "admin@acme.test", "ADMIN");
    const member = await addPerson(db, tenant.id, "member@acme.test", "MEMBER");

    expect(await changeMemberRole(db, admin.actor, tenant.id, { membershipId: member.membershipId, role: "ADMIN" })).toEqual({
      email: "member@acme.test", from: "MEMBER", to: "ADMIN",
    });
    await expect(changeMemberRole(db, admin.actor, tenant.id, { membershipId: member.membershipId, role: "OWNER" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(changeMemberRole(db, admin.actor, tenant.id, { membershipId: owner.membershipId, role: "ADMIN" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(removeMember(db, admin.actor, tenant.id, owner.membershipId)).rejects.toMatchObject({ code: "forbidden" });
    expect((await listMembers(db, tenant.id)).map((m) => [m.email, m.role])).toEqual([
      ["owner@acme.test", "OWNER"], ["admin@acme.test", "ADMIN"], ["member@acme.test", "ADMIN"],
    ]);
  });

  it("lets a member change nothing", async () => {
    const { db } = database;
    const { tenant } = await arrangeTenant(db);
    const member = await addPerson(db, tenant.id, "member@acme.test", "MEMBER");
    const other = await addPerson(db, tenant.id, "other@acme.test", "MEMBER");
    await expect(changeMemberRole(db, member.actor, tenant.id, { membershipId: other.membershipId, role: "ADMIN" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(removeMember(db, member.actor, tenant.id, other.membershipId)).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.membership.count({ where: { tenantId: tenant.id } })).toBe(3);
  });

  it("never demotes or removes the last owner, and lets an owner hand over first", async () => {
    const { db } = database;
    const { tenant, owner } = await arrangeTenant(db);
    const admin = await addPerson(db, tenant.id, "admin@acme.test", "ADMIN");
    await expect(changeMemberRole(db, owner.actor, tenant.id, { membershipId: owner.membershipId, role: "ADMIN" })).rejects.toMatchObject({ code: "conflict" });
    await expect(removeMember(db, owner.actor, tenant.id, owner.membershipId)).rejects.toMatchObject({ code: "conflict" });

    await changeMemberRole(db, owner.actor, tenant.id, { membershipId: admin.membershipId, role: "OWNER" });
    await changeMemberRole(db, owner.actor, tenant.id, { membershipId: owner.membershipId, role: "MEMBER" });
    expect((await listMembers(db, tenant.id)).map((m) => m.role)).toEqual(["MEMBER", "OWNER"]);
    const audit = await db.auditEvent.findMany({ where: { tenantId: tenant.id }, orderBy: { createdAt: "asc" }, select: { action: true, detail: true } });
    expect(audit).toEqual([
      { action: "member_role_change", detail: "Changed admin@acme.test from ADMIN to OWNER" },
      { action: "member_role_change", detail: "Changed owner@acme.test from OWNER to MEMBER" },
    ]);
  });

  it("keeps one owner when two owners demote each other at the same moment", async () => {
    const { db } = database;
    const { tenant, owner } = await arrangeTenant(db);
    const second = await addPerson(db, tenant.id, "second@acme.test", "OWNER");
    const results = await Promise.allSettled([
      changeMemberRole(db, owner.actor, tenant.id, { membershipId: second.membershipId, role: "ADMIN" }),
      changeMemberRole(db, second.actor, tenant.id, { membershipId: owner.membershipId, role: "ADMIN" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled").length).toBeGreaterThanOrEqual(1);
    expect(await db.membership.count({ where: { tenantId: tenant.id, role: "OWNER" } })).toBe(1);
  });

  it("removes a member of this tenant only, keeps the account, and answers another tenant's id as not found", async () => {
    const { db } = database;
    const { tenant, owner } = await arrangeTenant(db);
    const other = await arrangeTenant(db, "globex");
    const member = await addPerson(db, tenant.id, "member@acme.test", "MEMBER");
    await expect(removeMember(db, owner.actor, tenant.id, other.owner.membershipId)).rejects.toMatchObject({ code: "not_found" });
    await expect(changeMemberRole(db, owner.actor, tenant.id, { membershipId: other.owner.membershipId, role: "MEMBER" })).rejects.toMatchObject({ code: "not_found" });
    expect(await removeMember(db, owner.actor, tenant.id, member.membershipId)).toEqual({ email: "member@acme.test" });
    expect(await db.user.count({ where: { email: "member@acme.test" } })).toBe(1);
    expect(await db.membership.count({ where: { tenantId: other.tenant.id } })).toBe(1);
    expect((await db.auditEvent.findFirstOrThrow({ where: { tenantId: tenant.id } })).detail).toBe("Removed member@acme.test (MEMBER)");
  });
});
