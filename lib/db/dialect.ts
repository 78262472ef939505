// Everything that differs between the two databases, in one place: code outside lib/db never asks
// which one it runs on. Statements (lib/db/statements/) build their SQL from these pieces.
import { Prisma } from "./generated/sqlite/client";
import type { DatabaseProvider } from "./database-url";

export type JsonRow = readonly (string | null)[];

export interface Dialect {
  readonly kind: DatabaseProvider;
  /**
   * Many rows as one statement parameter: the rows travel as one JSON array of arrays and the
   * database unpacks them (json_each on SQLite, json_array_elements on PostgreSQL) into a derived
   * table with the given text columns. A 100-row write then costs one short statement to build,
   * send, parse and plan — not hundreds of placeholders, nor one statement per row.
   */
  jsonRows(columns: readonly string[], rows: readonly JsonRow[]): Prisma.Sql;
  /**
   * Appended to a claim's SELECT: PostgreSQL workers skip rows another worker is claiming instead
   * of queueing behind them; SQLite runs one writer at a time, so the subquery and the update are
   * one atomic step already. `of` names the locked table's alias when the SELECT joins.
   */
  skipLocked(of?: string): Prisma.Sql;
  /** PostgreSQL keeps enums as types, which a text value only becomes by an explicit cast. */
  asEnum(value: Prisma.Sql, enumName: string): Prisma.Sql;
  /** A number that travelled as text (in jsonRows), back to an integer column. */
  asInteger(value: Prisma.Sql): Prisma.Sql;
  /** A DateTime parameter for the hot-path drivers (better-sqlite3, pg), stored as Prisma reads it back. */
  timestamp(date: Date): string | Date;
  /** A DateTime as text inside jsonRows, in the form the column stores (compared and written as is). */
  jsonTimestamp(date: Date): string;
  /** A timestamp that travelled as text (jsonTimestamp), back to a DateTime column's type. */
  asTimestamp(value: Prisma.Sql): Prisma.Sql;
  /**
   * After a table name in UPDATE/SELECT: look rows up by the primary key, whatever the statistics say.
   * SQLite keeps statistics per connection and refreshes them only now and then: taken while a table
   * held 50 rows they make it scan the table for an `id IN (…)` of 200 — fine at 50 rows, 22 ms a
   * statement at 200,000. PostgreSQL's planner keeps its statistics current: nothing to add there.
   */
  byPrimaryKey(table: string): Prisma.Sql;
}

/** The text form Prisma's SQLite adapter stores DateTime in, so Prisma reads these rows back unchanged. */
export function prismaSqliteTimestamp(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

const sqlite: Dialect = {
  kind: "sqlite",
  jsonRows(columns, rows) {
    const select = columns.map((column, index) => `r.value ->> ${index} AS "${column}"`).join(", ");
    return Prisma.sql`(SELECT ${Prisma.raw(select)} FROM json_each(${JSON.stringify(rows)}) AS r)`;
  },
  skipLocked: () => Prisma.empty,
  asEnum: (value) => value,
  asInteger: (value) => Prisma.sql`CAST(${value} AS INTEGER)`,
  timestamp: prismaSqliteTimestamp,
  jsonTimestamp: prismaSqliteTimestamp,
  asTimestamp: (value) => value,
  // A text primary key's index: SQLite names it after the table (Prisma's migrations create them so).
  byPrimaryKey: (table) => Prisma.raw(`INDEXED BY "sqlite_autoindex_${table}_1"`),
};

const postgresql: Dialect = {
  kind: "postgresql",
  jsonRows(columns, rows) {
    const select = columns.map((column, index) => `r ->> ${index} AS "${column}"`).join(", ");
    return Prisma.sql`(SELECT ${Prisma.raw(select)} FROM json_array_elements(${JSON.stringify(rows)}::json) AS r)`;
  },
  skipLocked: (of) => (of ? Prisma.sql`FOR UPDATE OF ${Prisma.raw(`"${of}"`)} SKIP LOCKED` : Prisma.sql`FOR UPDATE SKIP LOCKED`),
  asEnum: (value, enumName) => Prisma.sql`${value}::${Prisma.raw(`"${enumName}"`)}`,
  asInteger: (value) => Prisma.sql`(${value})::int`,
  timestamp: (date) => date,
  // ISO text in UTC; a timestamp without time zone ignores the trailing Z (the columns hold UTC).
  jsonTimestamp: (date) => date.toISOString(),
  asTimestamp: (value) => Prisma.sql`(${value})::timestamp(3)`,
  byPrimaryKey: () => Prisma.empty,
};

export function dialectOf(provider: DatabaseProvider): Dialect {
  return provider === "postgresql" ? postgresql : sqlite;
}

// Written once for every SQLite connection the process opens (Prisma's and the hot path's). The web
// app, the in-process sync and `npm run worker` processes all write to one SQLite file: write-ahead
// logging lets readers proceed during a write and makes each commit one sequential append
// (synchronous=NORMAL stays durable across application crashes; only an OS crash or power loss can
// drop the last commits).
export const SQLITE_PRAGMAS = ["journal_mode = WAL", "synchronous = NORMAL", "foreign_keys = ON"] as const;
