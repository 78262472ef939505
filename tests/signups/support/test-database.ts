// A fresh, migrated database per test file: a SQLite file in a temp folder, or a uniquely named
// PostgreSQL database on 127.0.0.1 that is dropped afterwards.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { createDbClient, type Db } from "@/lib/db/create-client";
import type { DatabaseProvider } from "@/lib/db/database-url";
import { migrateDatabase } from "@/lib/db/migrate";

export interface SignupTestDatabase {
  url: string;
  provider: DatabaseProvider;
  db: Db;
  drop(): Promise<void>;
}

const ADMIN_URL = process.env.TEST_POSTGRES_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export async function createSignupTestDatabase(provider: DatabaseProvider): Promise<SignupTestDatabase> {
  const suffix = randomBytes(4).toString("hex");
  if (provider === "sqlite") {
    const folder = mkdtempSync(join(tmpdir(), `signups-${suffix}-`));
    const url = `file:${join(folder, "test.db")}`;
    await migrateDatabase(url);
    const db = createDbClient(url);
    return { url, provider, db, drop: async () => { await db.$disconnect(); rmSync(folder, { recursive: true, force: true }); } };
  }
  const name = `signups_test_${Date.now()}_${suffix}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  await migrateDatabase(url);
  const db = createDbClient(url);
  return {
    url,
    provider,
    db,
    drop: async () => {
      await db.$disconnect();
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
