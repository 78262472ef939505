// Direct database work the stand-in does beside the engine, on its own short-lived connection.
import Database from "better-sqlite3";
import type { DatabaseTarget } from "./database-target";
import { MIGRATIONS_TABLE_DDL } from "./migrations-table";
import { createEnginePool, quoteIdentifier } from "./pg-pool";

/** Fix C for `migrate resolve --applied`: the table must exist before a row can be marked. */
export async function ensureMigrationsTable(target: DatabaseTarget): Promise<void> {
  if (target.provider === "sqlite") {
    const db = new Database(target.path);
    try {
      db.exec(MIGRATIONS_TABLE_DDL.sqlite);
    } finally {
      db.close();
    }
    return;
  }
  const pool = createEnginePool(target.connectionString, target.schema);
  try {
    if (target.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(target.schema)}`);
    await pool.query(MIGRATIONS_TABLE_DDL.postgres);
  } finally {
    await pool.end();
  }
}
