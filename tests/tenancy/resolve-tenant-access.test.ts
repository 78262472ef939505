import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listTenantsForUserIn } from "@switchboard/lib/tenancy/list-tenants";
import { resolveTenantAccess } from "@switchboard/lib/tenancy/resolve-tenant-access";
import { roleAtLeast } from "@switchboard/lib/tenancy/roles";
import { createTestDatabase, testProviders, type TestDatabase } from "@/tests/helpers/databases";
import { seedTenant, seedUser } from "@/tests/helpers/seed-tenant";

describe("role order", () => {
  it("ranks OWNER above ADMIN above MEMBER", () => {
    expect(roleAtLeast("OWNER", "ADMIN")).toBe(true);
    expect(roleAtLeast("ADMIN", "ADMIN")).toBe(true);
    expect(roleAtLeast("MEMBER", "ADMIN")).toBe(false);
    expect(roleAtLeast("ADMIN", "OWNER")).toBe(false);
  });
});

describe.each(testProviders)("tenant access on %s", (provider) => {
  let database: TestDatabase;
  const ids = { alpha: "", beta: "", owner: "", member: "", betaAdmin: "", loner: "" };

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    const { db } = database;
    const alpha = await seedTenant(db, {
      slug: "alpha",
      people: [
        { role: "OWNER", email: "owner@alpha.test" },
        { role: "MEMBER", email: "member@alpha.test" },
      ],
    });
    const beta = await seedTenant(db, {
      slug: "beta",
      // The owner of Alpha is also a plain member of Beta: roles are per tenant.
      people: [
        { role: "ADMIN", email: "admin@beta.test" },
        { role: "MEMBER", email: "owner@alpha.test" },
      ],
    });
    const loner = await seedUser(db, { email: "loner@nowhere.test" });
    const [owner, member] = alpha.people;
    Object.assign(ids, {
      alpha: alpha.tenant.id,
      beta: beta.tenant.id,
      owner: owner.userId,
      member: member.userId,
      betaAdmin: beta.people[0].userId,
      loner: loner.id,
    });
  });
  afterAll(async () => database?.drop());

  it("lets a member in and returns the tenant, the user and the role", async () => {
    const decision = await resolveTenantAccess(database.db, ids.member, "alpha");
    expect(decision).toEqual({
      allowed: true,
      access: {
        user: { id: ids.member, email: "member@alpha.test", name: "member" },
        tenant: { id: ids.alpha, slug: "alpha", name: "Alpha" },
        role: "MEMBER",
      },
    });
  });

  it("keeps a member of one tenant out of another", async () => {
    expect(await resolveTenantAccess(database.db, ids.member, "beta")).toEqual({ allowed: false, reason: "not-a-member" });
    expect(await resolveTenantAccess(database.db, ids.betaAdmin, "alpha")).toEqual({ allowed: false, reason: "not-a-member" });
  });

  it("answers an unknown tenant exactly like a foreign one", async () => {
    expect(await resolveTenantAccess(database.db, ids.member, "no-such-tenant")).toEqual(
      await resolveTenantAccess(database.db, ids.member, "beta"),
    );
  });

  it("denies a MEMBER where ADMIN is required, and allows ADMIN and OWNER", async () => {
    expect(await resolveTenantAccess(database.db, ids.member, "alpha", "ADMIN")).toEqual({ allowed: false, reason: "insufficient-role" });
    expect((await resolveTenantAccess(database.db, ids.betaAdmin, "beta", "ADMIN")).allowed).toBe(true);
    expect((await resolveTenantAccess(database.db, ids.owner, "alpha", "ADMIN")).allowed).toBe(true);
    expect(await resolveTenantAccess(database.db, ids.betaAdmin, "beta", "OWNER")).toEqual({ allowed: false, reason: "insufficient-role" });
  });

  it("applies the role of the tenant asked for, not the user's best role elsewhere", async () => {
    expect(await resolveTenantAccess(database.db, ids.owner, "beta", "ADMIN")).toEqual({ allowed: false, reason: "insufficient-role" });
    const decision = await resolveTenantAccess(database.db, ids.owner, "beta");
    expect(decision.allowed && decision.access.tenant.id).toBe(ids.beta);
  });

  it("denies a user with no memberships and an unknown user id", async () => {
    expect((await resolveTenantAccess(database.db, ids.loner, "alpha")).allowed).toBe(false);
    expect((await resolveTenantAccess(database.db, "no-such-user", "alpha")).allowed).toBe(false);
  });

  it("lists only the user's own tenants, by name", async () => {
    expect((await listTenantsForUserIn(database.db, ids.owner)).map((t) => [t.slug, t.role])).toEqual([
      ["alpha", "OWNER"],
      ["beta", "MEMBER"],
    ]);
    expect((await listTenantsForUserIn(database.db, ids.member)).map((t) => t.slug)).toEqual(["alpha"]);
    expect(await listTenantsForUserIn(database.db, ids.loner)).toEqual([]);
  });
});
