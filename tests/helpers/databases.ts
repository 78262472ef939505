// Fresh, fully migrated databases for integration tests: a temp SQLite file or a uniquely named
// PostgreSQL database on 127.0.0.1:5432 (override with TEST_POSTGRES_URL). Migrations are applied
// by the real `prisma migrate deploy` (≈3 s), so create one database per test FILE in beforeAll
// and call `reset()` between tests when they need an empty database.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { Db } from "@switchboard/lib/db/create-client";
import { createStore, type Store } from "@switchboard/lib/db/store";
import { migrateDatabase } from "@/scripts/lib/migrate";

export type TestProvider = "sqlite" | "postgresql";

export interface TestDatabase {
  provider: TestProvider;
  url: string;
  /** The database layer's handles on this database (a test may hold stores of both databases). */
  store: Store;
  /** store.db */
  db: Db;
  /** Deletes every row (keeps the schema and the migration history). */
  reset(): Promise<void>;
  /** Disconnects and deletes the database. Safe to call twice. */
  drop(): Promise<void>;
}

export const testProviders: readonly TestProvider[] = ["sqlite", "postgresql"];

const serverUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export async function createTestDatabase(provider: TestProvider): Promise<TestDatabase> {
  return provider === "sqlite" ? createSqliteDatabase() : createPostgresDatabase();
}

async function createSqliteDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "switchboard-test-"));
  const url = `file:${join(dir, "test.db")}`;
  try {
    await migrateDatabase(url);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const store = createStore(url);
  const { db } = store;
  let dropped = false;
  return {
    provider: "sqlite",
    url,
    store,
    db,
    reset: () => deleteAllRows(db, "sqlite"),
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function createPostgresDatabase(): Promise<TestDatabase> {
  const name = uniqueDatabaseName();
  await adminQuery(`CREATE DATABASE "${name}"`);
  const server = new URL(serverUrl);
  server.pathname = `/${name}`;
  const url = server.toString();
  try {
    await migrateDatabase(url);
  } catch (error) {
    await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    throw error;
  }
  const store = createStore(url);
  const { db } = store;
  let dropped = false;
  return {
    provider: "postgresql",
    url,
    store,
    db,
    reset: () => deleteAllRows(db, "postgresql"),
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await store.close();
      // FORCE ends sessions a test left open (e.g. a server under test still holding a pool).
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** Lower-case, unique per call and per process, recognisable when something is left behind. */
export function uniqueDatabaseName(): string {
  return `switchboard_test_${process.pid}_${randomBytes(6).toString("hex")}`;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function deleteAllRows(db: Db, provider: TestProvider): Promise<void> {
  if (provider === "postgresql") {
    const rows = await db.$queryRawUnsafe<Array<{ tablename: string }>>(
      `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
    );
    if (rows.length === 0) return;
    await db.$executeRawUnsafe(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(", ")} CASCADE`);
    return;
  }
  const rows = await db.$queryRawUnsafe<Array<{ name: string }>>(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`,
  );
  // One connection: switching foreign keys off here lets rows go in any order.
  await db.$executeRawUnsafe("PRAGMA foreign_keys = OFF");
  try {
    for (const { name } of rows) await db.$executeRawUnsafe(`DELETE FROM "${name}"`);
  } finally {
    await db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  }
}
