// The ordinary Prisma commands on a fresh PostgreSQL database (created and dropped by this file),
// through the real CLI and the stand-in: deploy, status, Prisma Client, and `?schema=`.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDbClient, type Db } from "@switchboard/lib/db/create-client";
import { uniqueDatabaseName } from "../helpers/databases";
import { expectSuccess, runPrisma } from "./prisma-cli";
import { adminQuery, postgresUrl } from "./postgres-admin";

describe("prisma CLI on PostgreSQL (offline stand-in)", () => {
  const name = uniqueDatabaseName();
  const url = postgresUrl(name);
  const clients: Db[] = [];

  beforeAll(async () => {
    await adminQuery(`CREATE DATABASE "${name}"`);
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.$disconnect()));
    await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  it("migrate deploy creates the tables and Prisma Client can use them (defects A, C)", async () => {
    const result = expectSuccess(await runPrisma(["migrate", "deploy"], { databaseUrl: url }));
    expect(result.stdout).toMatch(/_init/);
    const db = createDbClient(url);
    clients.push(db);
    const user = await db.user.create({ data: { email: "a@example.test", passwordHash: "x" } });
    const tenant = await db.tenant.create({ data: { name: "Contoso", slug: "contoso" } });
    await db.membership.create({ data: { userId: user.id, tenantId: tenant.id, role: "OWNER" } });
    const found = await db.membership.findFirst({ include: { tenant: true, user: true } });
    expect(found).toMatchObject({ role: "OWNER", tenant: { slug: "contoso" }, user: { email: "a@example.test" } });
  });

  it("migrate status reports the database as up to date", async () => {
    const result = expectSuccess(await runPrisma(["migrate", "status"], { databaseUrl: url }));
    expect(result.stdout).toContain("Database schema is up to date");
  });

  it("migrate diff from the database to the schema is empty once migrated", async () => {
    const result = expectSuccess(
      await runPrisma(["migrate", "diff", "--from-config-datasource", "--to-schema", "prisma/postgresql/schema.prisma", "--script"], {
        databaseUrl: url,
      }),
    );
    expect(result.stdout).toContain("This is an empty migration.");
  });

  it("?schema=x puts the tables into schema x and the client reads them there", async () => {
    const schemaUrl = `${url}?schema=tenant_data`;
    expectSuccess(await runPrisma(["migrate", "deploy"], { databaseUrl: schemaUrl }));
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    try {
      const { rows } = await check.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'tenant_data' ORDER BY table_name",
      );
      expect(rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(["Tenant", "User", "_prisma_migrations"]));
    } finally {
      await check.end();
    }
    const db = createDbClient(schemaUrl);
    clients.push(db);
    await db.tenant.create({ data: { name: "Schema Tenant", slug: "schema-tenant" } });
    // The public schema's Contoso row is not visible: the client really works in tenant_data.
    expect((await db.tenant.findMany()).map((t) => t.slug)).toEqual(["schema-tenant"]);
  });
});
