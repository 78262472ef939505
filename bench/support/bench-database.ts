// A migrated SQLite database in a temp folder, removed afterwards. Benchmarks never touch the demo data.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Db } from "@switchboard/lib/db/create-client";
import { createStore, type Store } from "@switchboard/lib/db/store";
import { migrateDatabase } from "@/scripts/lib/migrate";
import { seedTenant } from "@/tests/helpers/seed-tenant";

export interface BenchDatabase {
  url: string;
  path: string;
  store: Store;
  /** store.db */
  db: Db;
  remove(): Promise<void>;
}

export async function createBenchDatabase(label: string): Promise<BenchDatabase> {
  const folder = mkdtempSync(join(tmpdir(), `signups-bench-${label}-`));
  const path = join(folder, "bench.db");
  const url = `file:${path}`;
  await migrateDatabase(url);
  const store = createStore(url);
  const { db } = store;
  return {
    url,
    path,
    store,
    db,
    remove: async () => {
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** A tenant with one admin who has no password (the benchmarks never sign in, and bcrypt is slow). */
export async function createBenchTenant(db: Db, slug: string) {
  const {
    tenant,
    people: [admin],
  } = await seedTenant(db, {
    slug,
    name: `Bench ${slug}`,
    people: [{ role: "ADMIN", email: `bench-admin@${slug}.test`, name: "Bench Admin", password: null }],
  });
  return { tenant, admin };
}
