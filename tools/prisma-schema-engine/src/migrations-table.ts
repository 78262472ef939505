// Fix C. A missing `_prisma_migrations` table is a hard P1014 in the wasm engine, where the
// native engine treats it as "not initialized yet". We answer the engine's SELECT on it with zero
// rows, so applyMigrations creates the table itself (or raises P3005 on a non-empty database, as
// native does). markMigrationApplied needs the table to exist, so it is created first with the
// exact native DDL.
import type { SqlQuery, SqlResultSet } from "@prisma/driver-adapter-utils";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";

export const MIGRATIONS_TABLE_DDL = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" ("id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME, "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`,
  postgres: `CREATE TABLE IF NOT EXISTS _prisma_migrations (id VARCHAR(36) PRIMARY KEY NOT NULL, checksum VARCHAR(64) NOT NULL, finished_at TIMESTAMPTZ, migration_name VARCHAR(255) NOT NULL, logs TEXT, rolled_back_at TIMESTAMPTZ, started_at TIMESTAMPTZ NOT NULL DEFAULT now(), applied_steps_count INTEGER NOT NULL DEFAULT 0)`,
} as const;

export function readsMigrationsTable(sql: string): boolean {
  return /^\s*select\b/i.test(sql) && /\bfrom\s+(?:["`]?\w+["`]?\.)?["`]?_prisma_migrations["`]?/i.test(sql);
}

/** True for "table does not exist" in either database, however the adapter wrapped it. */
export function isMissingTableError(error: unknown): boolean {
  const text = describeError(error);
  return /no such table|does not exist|TableDoesNotExist|42P01/i.test(text);
}

/** The empty answer: the selected column names with no rows. */
export function emptyMigrationsResult(query: SqlQuery): SqlResultSet {
  const columnNames = selectedColumns(query.sql);
  return { columnNames, columnTypes: columnNames.map(() => ColumnTypeEnum.Text), rows: [] };
}

export function selectedColumns(sql: string): string[] {
  const match = /^\s*select\s+([\s\S]*?)\s+from\s/i.exec(sql);
  if (!match?.[1]) return [];
  return match[1]
    .split(",")
    .map(
      (column) =>
        column
          .trim()
          .split(/\s+as\s+|\./i)
          .pop() ?? "",
    )
    .map((column) => column.replace(/["`]/g, "").trim())
    .filter(Boolean);
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return `${error.message} ${cause ? safeStringify(cause) : ""}`;
  }
  return safeStringify(error);
}

function safeStringify(value: unknown): string {
  try {
    return typeof value === "string" ? value : JSON.stringify(value);
  } catch {
    return String(value);
  }
}
