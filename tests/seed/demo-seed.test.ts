import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@switchboard/lib/auth/password";
import { resolveTenantAccess } from "@switchboard/lib/tenancy/resolve-tenant-access";
import { seedDemoData } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/databases";

describe("demo seed", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
  });
  afterAll(async () => database?.drop());

  it("creates Contoso and Fabrikam with their users, and is idempotent", async () => {
    await seedDemoData(database.db, "first-password");
    await seedDemoData(database.db, "first-password");
    expect(await database.db.tenant.count()).toBe(2);
    expect(await database.db.user.count()).toBe(3);
    expect(await database.db.membership.count()).toBe(3);

    const user = async (email: string) => (await database.db.user.findUniqueOrThrow({ where: { email } })).id;
    const admin = await user("admin@contoso.test");
    const member = await user("member@contoso.test");
    const fabrikam = await user("admin@fabrikam.test");
    expect(await resolveTenantAccess(database.db, admin, "contoso", "ADMIN")).toMatchObject({ allowed: true });
    expect(await resolveTenantAccess(database.db, member, "contoso")).toMatchObject({ allowed: true, access: { role: "MEMBER" } });
    expect(await resolveTenantAccess(database.db, fabrikam, "fabrikam", "ADMIN")).toMatchObject({ allowed: true });
    expect(await resolveTenantAccess(database.db, admin, "fabrikam")).toMatchObject({ allowed: false });
  });

  it("follows a changed SEED_PASSWORD on re-run", async () => {
    await seedDemoData(database.db, "second-password");
    const row = await database.db.user.findUniqueOrThrow({ where: { email: "admin@contoso.test" } });
    expect(await verifyPassword("second-password", row.passwordHash)).toBe(true);
    expect(await verifyPassword("first-password", row.passwordHash)).toBe(false);
  });
});
