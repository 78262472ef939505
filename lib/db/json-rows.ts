// Many rows as one statement parameter: the rows travel as one JSON array of arrays and the
// database unpacks them (json_each on SQLite, json_array_elements on PostgreSQL) into a derived
// table with the given text columns. A 100-row write then costs one short statement to build, send,
// parse and plan — not hundreds of placeholders, nor one statement per row.
import { Prisma } from "./generated/sqlite/client";
import type { DatabaseProvider } from "./database-url";

export type JsonRow = readonly (string | null)[];

export function jsonRows(provider: DatabaseProvider, columns: readonly string[], rows: readonly JsonRow[]): Prisma.Sql {
  const json = JSON.stringify(rows);
  if (provider === "postgresql") {
    const select = columns.map((column, index) => `r ->> ${index} AS "${column}"`).join(", ");
    return Prisma.sql`(SELECT ${Prisma.raw(select)} FROM json_array_elements(${json}::json) AS r)`;
  }
  const select = columns.map((column, index) => `r.value ->> ${index} AS "${column}"`).join(", ");
  return Prisma.sql`(SELECT ${Prisma.raw(select)} FROM json_each(${json}) AS r)`;
}
