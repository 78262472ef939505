// A migrated SQLite database in a temp folder, removed afterwards. Benchmarks never touch the demo data.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDbClient, type Db } from "@switchboard/lib/db/create-client";
import { migrateDatabase } from "@/scripts/lib/migrate";

export interface BenchDatabase {
  url: string;
  path: string;
  db: Db;
  remove(): Promise<void>;
}

export async function createBenchDatabase(label: string): Promise<BenchDatabase> {
  const folder = mkdtempSync(join(tmpdir(), `signups-bench-${label}-`));
  const path = join(folder, "bench.db");
  const url = `file:${path}`;
  await migrateDatabase(url);
  const db = createDbClient(url);
  return {
    url,
    path,
    db,
    remove: async () => {
      await db.$disconnect();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export async function createBenchTenant(db: Db, slug: string) {
  const tenant = await db.tenant.create({ data: { name: `Bench ${slug}`, slug } });
  const user = await db.user.create({ data: { email: `bench-admin@${slug}.test`, name: "Bench Admin", passwordHash: "unused" } });
  await db.membership.create({ data: { userId: user.id, tenantId: tenant.id, role: "ADMIN" } });
  return { tenant, user };
}
