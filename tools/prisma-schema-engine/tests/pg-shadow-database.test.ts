// Defect D at the adapter level: the shadow adapter must be connected to its OWN database, and
// that database must be gone after dispose. (The CLI-level check lives in tests/prisma-offline.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdapterFactory } from "../src/adapter-factory";
import { parseDatabaseTarget } from "../src/database-target";
import { adminQuery, postgresUrl } from "@/tests/prisma-offline/postgres-admin";
import { uniqueDatabaseName } from "@/tests/helpers/databases";

describe("PostgreSQL shadow database", () => {
  const name = uniqueDatabaseName();

  beforeAll(async () => {
    await adminQuery(`CREATE DATABASE "${name}"`);
  });
  afterAll(async () => {
    await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  it("connects to a fresh database of its own and drops it on dispose", async () => {
    const factory = createAdapterFactory(parseDatabaseTarget(postgresUrl(name)), undefined);
    const shadow = await factory.connectToShadowDb();
    const result = await shadow.queryRaw({ sql: "SELECT current_database()", args: [], argTypes: [] });
    const shadowName = String(result.rows[0]?.[0]);
    expect(shadowName).toMatch(/^prisma_migrate_shadow_db_[0-9a-f-]{36}$/);
    expect(shadowName).not.toBe(name);
    await shadow.dispose();
    const left = await adminQuery("SELECT 1 FROM pg_database WHERE datname = $1", [shadowName]);
    expect(left).toHaveLength(0);
  });

  it('reads pg_catalog "char" columns as text (defect A)', async () => {
    const factory = createAdapterFactory(parseDatabaseTarget(postgresUrl(name)), undefined);
    const adapter = await factory.connect();
    try {
      const result = await adapter.queryRaw({
        sql: "SELECT relkind FROM pg_class WHERE relname = 'pg_class'",
        args: [],
        argTypes: [],
      });
      expect(result.rows).toEqual([["r"]]);
      const tx = await adapter.startTransaction();
      const inTx = await tx.queryRaw({ sql: "SELECT 'x'::\"char\" AS c", args: [], argTypes: [] });
      expect(inTx.rows).toEqual([["x"]]);
      await tx.rollback();
    } finally {
      await adapter.dispose();
    }
  });
});
