// The ordinary Prisma commands on a fresh SQLite file, through the real CLI and the stand-in.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDbClient, type Db } from "@switchboard/lib/db/create-client";
import { expectSuccess, runPrisma } from "./prisma-cli";

describe("prisma CLI on SQLite (offline stand-in)", () => {
  let dir: string;
  let url: string;
  let db: Db | undefined;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "switchboard-sqlite-cli-"));
    url = `file:${join(dir, "app.db")}`;
  });

  afterAll(async () => {
    await db?.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  it("migrate deploy creates the tables and Prisma Client can use them", async () => {
    const result = expectSuccess(await runPrisma(["migrate", "deploy"], { databaseUrl: url }));
    expect(result.stdout).toMatch(/_init/);
    db = createDbClient(url);
    const tenant = await db.tenant.create({ data: { name: "Contoso", slug: "contoso" } });
    expect(await db.tenant.findUnique({ where: { slug: "contoso" } })).toMatchObject({ id: tenant.id, name: "Contoso" });
  });

  it("migrate status reports the database as up to date", async () => {
    const result = expectSuccess(await runPrisma(["migrate", "status"], { databaseUrl: url }));
    expect(result.stdout).toContain("Database schema is up to date");
  });

  it("migrate diff --script prints the SQL on stdout (defect G)", async () => {
    const result = expectSuccess(
      await runPrisma(["migrate", "diff", "--from-empty", "--to-schema", "prisma/sqlite/schema.prisma", "--script"], {
        databaseUrl: url,
      }),
    );
    expect(result.stdout).toMatch(/CREATE TABLE "Tenant"/);
    expect(result.stdout).toMatch(/CREATE UNIQUE INDEX "Tenant_slug_key"/);
  });

  it("migrate reset --force drops everything and re-applies the migrations (defect E)", async () => {
    await db?.$disconnect();
    db = undefined;
    expectSuccess(await runPrisma(["migrate", "reset", "--force"], { databaseUrl: url }));
    db = createDbClient(url);
    expect(await db.tenant.count()).toBe(0);
    await db.tenant.create({ data: { name: "Fabrikam", slug: "fabrikam" } });
    expect(await db.tenant.count()).toBe(1);
    expectSuccess(await runPrisma(["migrate", "status"], { databaseUrl: url }));
  });

  it("db push creates the schema on another fresh file", async () => {
    const pushUrl = `file:${join(dir, "push.db")}`;
    expectSuccess(await runPrisma(["db", "push"], { databaseUrl: pushUrl }));
    const pushed = createDbClient(pushUrl);
    try {
      expect(await pushed.user.count()).toBe(0);
    } finally {
      await pushed.$disconnect();
    }
  });
});
