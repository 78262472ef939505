// `prisma migrate dev --name x` in a throwaway copy of the project's prisma folder (the committed
// migrations are never touched): it must notice a schema change and write a new migration, on
// SQLite and on PostgreSQL, where the shadow database must be a separate database that is dropped
// afterwards and the main database's data must survive (defect D).
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueDatabaseName } from "../helpers/databases";
import { addNicknameColumn, copyPrismaProject, expectSuccess, runPrisma } from "./prisma-cli";
import { adminQuery, postgresUrl } from "./postgres-admin";

function newMigrationSql(dir: string, provider: string, suffix: string): string {
  const migrations = join(dir, "prisma", provider, "migrations");
  const created = readdirSync(migrations).filter((name) => name.endsWith(`_${suffix}`));
  expect(created).toHaveLength(1);
  return readFileSync(join(migrations, created[0] ?? "", "migration.sql"), "utf8");
}

describe("prisma migrate dev (offline stand-in)", () => {
  let project: ReturnType<typeof copyPrismaProject>;
  const pgName = uniqueDatabaseName();
  const pgUrl = postgresUrl(pgName);

  beforeAll(async () => {
    project = copyPrismaProject();
    await adminQuery(`CREATE DATABASE "${pgName}"`);
  });

  afterAll(async () => {
    await adminQuery(`DROP DATABASE IF EXISTS "${pgName}" WITH (FORCE)`);
    rmSync(project.dir, { recursive: true, force: true });
  });

  it("creates a migration for a schema change on SQLite (defects B, F)", async () => {
    const url = `file:${join(project.dir, "dev.db")}`;
    const options = { databaseUrl: url, cwd: project.dir, env: project.env };
    expectSuccess(await runPrisma(["migrate", "deploy"], options));
    addNicknameColumn(project.dir);
    const result = expectSuccess(await runPrisma(["migrate", "dev", "--name", "add_nickname"], options));
    expect(result.stdout).toContain("add_nickname");
    expect(newMigrationSql(project.dir, "sqlite", "add_nickname")).toMatch(/"nickname" TEXT/);
    expect(existsSync(join(project.dir, "prisma", "sqlite", "migrations", "migration_lock.toml"))).toBe(true);
    expect((await runPrisma(["migrate", "status"], options)).stdout).toContain("Database schema is up to date");
  });

  it("uses a separate, dropped shadow database on PostgreSQL and keeps the main data (defect D)", async () => {
    const options = { databaseUrl: pgUrl, cwd: project.dir, env: project.env };
    expectSuccess(await runPrisma(["migrate", "deploy"], options));
    const main = new pg.Client({ connectionString: pgUrl });
    await main.connect();
    try {
      await main.query(`INSERT INTO "Tenant" (id, name, slug, "updatedAt") VALUES ('t1', 'Keep Me', 'keep-me', now())`);
      const result = expectSuccess(await runPrisma(["migrate", "dev", "--name", "add_nickname"], options));
      expect(result.stdout).toContain("add_nickname");
      expect(newMigrationSql(project.dir, "postgresql", "add_nickname")).toMatch(/ADD COLUMN\s+"nickname" TEXT/);
      const { rows } = await main.query<{ slug: string }>(`SELECT slug FROM "Tenant"`);
      expect(rows).toEqual([{ slug: "keep-me" }]);
      const columns = await main.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'User' AND column_name = 'nickname'`);
      expect(columns.rowCount).toBe(1);
    } finally {
      await main.end();
    }
  });
});
