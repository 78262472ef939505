// Many tenants at once for the benches (a platform where most never connect HubSpot): one
// multi-row INSERT instead of a Prisma create per tenant.
import { randomBytes } from "node:crypto";
import type { Db } from "@switchboard/lib/db/create-client";
import { Prisma } from "@switchboard/lib/db/generated/sqlite/client";

export async function insertBenchTenants(db: Db, count: number, label: string): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, index) => `${label}-${index}-${randomBytes(3).toString("hex")}`);
  const now = new Date();
  for (let start = 0; start < ids.length; start += 500) {
    const rows = ids.slice(start, start + 500).map((id) => Prisma.sql`(${id}, ${`Tenant ${id}`}, ${id}, ${now}, ${now})`);
    await db.$executeRaw`INSERT INTO "Tenant" ("id", "name", "slug", "createdAt", "updatedAt") VALUES ${Prisma.join(rows)}`;
  }
  return ids;
}
