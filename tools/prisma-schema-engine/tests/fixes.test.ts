// The pure parts of the defect fixes.
import { describe, expect, it } from "vitest";
import { CHAR_OID, TEXT_OID, rewriteCharColumns } from "../src/pg-char-columns";
import { emptyMigrationsResult, isMissingTableError, readsMigrationsTable, selectedColumns } from "../src/migrations-table";
import { isMultiStatementError } from "../src/queryable-fixes";
import { datamodelsOrPlaceholder } from "../src/serve-engine";

describe("char OID rewrite (defect A)", () => {
  it("turns OID 18 fields into text and leaves the others alone", () => {
    const result = {
      fields: [
        { name: "relkind", dataTypeID: CHAR_OID },
        { name: "oid", dataTypeID: 26 },
      ],
      rows: [],
    };
    rewriteCharColumns(result);
    expect(result.fields.map((f) => f.dataTypeID)).toEqual([TEXT_OID, 26]);
  });

  it("handles multi-statement result arrays and results without fields", () => {
    const results = [{ fields: [{ dataTypeID: CHAR_OID }] }, { command: "SET" }];
    expect(rewriteCharColumns(results)[0]).toEqual({ fields: [{ dataTypeID: TEXT_OID }] });
    expect(rewriteCharColumns(undefined)).toBeUndefined();
  });
});

describe("missing _prisma_migrations table (defect C)", () => {
  const select =
    'SELECT "id", "checksum", "finished_at", "migration_name", "logs", "rolled_back_at", "started_at", "applied_steps_count" FROM "public"."_prisma_migrations" ORDER BY "started_at" ASC';

  it("recognises only SELECTs on the migrations table", () => {
    expect(readsMigrationsTable(select)).toBe(true);
    expect(readsMigrationsTable("SELECT * FROM _prisma_migrations")).toBe(true);
    expect(readsMigrationsTable('INSERT INTO "_prisma_migrations" VALUES (1)')).toBe(false);
    expect(readsMigrationsTable('SELECT * FROM "User"')).toBe(false);
  });

  it("answers with the selected column names and no rows", () => {
    const result = emptyMigrationsResult({ sql: select, args: [], argTypes: [] });
    expect(result.columnNames).toEqual([
      "id",
      "checksum",
      "finished_at",
      "migration_name",
      "logs",
      "rolled_back_at",
      "started_at",
      "applied_steps_count",
    ]);
    expect(result.rows).toEqual([]);
    expect(selectedColumns('SELECT t."a" AS b, c FROM x')).toEqual(["b", "c"]);
  });

  it("detects missing-table errors from both drivers", () => {
    expect(isMissingTableError(new Error("no such table: _prisma_migrations"))).toBe(true);
    const pgError = Object.assign(new Error("TableDoesNotExist"), { cause: { kind: "TableDoesNotExist", table: "x" } });
    expect(isMissingTableError(pgError)).toBe(true);
    expect(isMissingTableError(new Error("UNIQUE constraint failed"))).toBe(false);
  });
});

describe("multi-statement fallback (defect B)", () => {
  it("recognises better-sqlite3's complaint, however wrapped", () => {
    expect(isMultiStatementError(new RangeError("The supplied SQL string contains more than one statement"))).toBe(true);
    expect(isMultiStatementError({ kind: "GenericJs", message: "contains more than one statement" })).toBe(true);
    expect(isMultiStatementError(new Error("syntax error"))).toBe(false);
  });
});

describe("datamodel placeholder", () => {
  it("keeps given datamodels and otherwise supplies a datasource-only schema of the right provider", () => {
    expect(datamodelsOrPlaceholder([["a.prisma", "x"]], undefined)).toEqual([["a.prisma", "x"]]);
    const [placeholder] = datamodelsOrPlaceholder([], { provider: "postgres", url: "", connectionString: "", schema: undefined });
    expect(placeholder?.[1]).toContain('provider = "postgresql"');
    expect(datamodelsOrPlaceholder([], undefined)[0]?.[1]).toContain('provider = "sqlite"');
  });
});
