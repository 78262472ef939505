// Rows the signup tests need: a tenant with an admin, created through the ordinary Prisma client.
import { randomBytes } from "node:crypto";
import type { Db } from "@switchboard/lib/db/create-client";

export async function createTenantWithAdmin(db: Db, overrides: { slug?: string; allowedOrigins?: string } = {}) {
  const suffix = randomBytes(3).toString("hex");
  const tenant = await db.tenant.create({
    data: { name: `Tenant ${suffix}`, slug: overrides.slug ?? `tenant-${suffix}`, allowedOrigins: overrides.allowedOrigins ?? "" },
  });
  const user = await db.user.create({ data: { email: `admin-${suffix}@example.test`, name: "Ada Admin", passwordHash: "unused-in-these-tests" } });
  await db.membership.create({ data: { userId: user.id, tenantId: tenant.id, role: "ADMIN" } });
  return { tenant, user };
}
