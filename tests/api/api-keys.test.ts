// API keys on both databases: minted once, stored hashed, found by prefix, revoked at once; and the
// operator CLI that manages operator keys.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@switchboard/lib/app-error";
import { hashApiKey } from "@switchboard/lib/api-keys/api-key-format";
import { authenticateApiKey } from "@switchboard/lib/api-keys/authenticate-api-key";
import { createApiKey, listApiKeys, revokeApiKey } from "@switchboard/lib/api-keys/manage-api-keys";
import { configureApp } from "@/tests/helpers/app-env";
import { createTestDatabase, testProviders, type TestDatabase } from "@/tests/helpers/databases";
import { seedTenant } from "@/tests/helpers/seed-tenant";

const creator = { userId: null, label: "test" };

describe.each(testProviders)("API keys on %s", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    configureApp(database.url);
  });
  afterAll(async () => database?.drop());

  it("stores only the hash, and the key authenticates with its tenant and scopes", async () => {
    const { tenant } = await seedTenant(database.db);
    const { key, summary } = await createApiKey(database.db, {
      tenantId: tenant.id,
      name: "backend",
      scopes: ["connections:read", "signups:read"],
      creator,
    });
    expect(key).toMatch(/^sb_live_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{40}$/);
    expect(key.startsWith(summary.prefix)).toBe(true);
    const row = await database.db.apiKey.findUniqueOrThrow({ where: { id: summary.id } });
    expect(row.secretHash).toBe(hashApiKey(key));
    expect(JSON.stringify(row)).not.toContain(key.slice(summary.prefix.length + 1));
    const caller = await authenticateApiKey(database.db, `Bearer ${key}`);
    expect(caller).toMatchObject({ tenantId: tenant.id, keyId: summary.id });
    expect([...caller.scopes].sort()).toEqual(["connections:read", "signups:read"]);
    expect((await database.db.apiKey.findUniqueOrThrow({ where: { id: summary.id } })).lastUsedAt).not.toBeNull();
    expect(await database.db.auditEvent.count({ where: { tenantId: tenant.id, action: "api_key_created" } })).toBe(1);
  });

  it("names keys by the one display-text rule: invisible characters stripped, control characters refused", async () => {
    const { tenant } = await seedTenant(database.db);
    const { summary } = await createApiKey(database.db, {
      tenantId: tenant.id,
      name: "\u202Ebackend\u200b",
      scopes: ["signups:read"],
      creator,
    });
    expect(summary.name).toBe("backend");
    await expect(
      createApiKey(database.db, { tenantId: tenant.id, name: "back\nend", scopes: ["signups:read"], creator }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      details: { fieldErrors: { name: [expect.stringMatching(/control characters/)] } },
    });
    await expect(
      createApiKey(database.db, { tenantId: tenant.id, name: "\u2066\u2069", scopes: ["signups:read"], creator }),
    ).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("refuses a wrong secret behind a real prefix, a malformed key and a revoked key with 401", async () => {
    const { tenant } = await seedTenant(database.db);
    const { key, summary } = await createApiKey(database.db, { tenantId: tenant.id, name: "k", scopes: ["signups:read"], creator });
    const forged = `${summary.prefix}_${"A".repeat(40)}`;
    for (const header of [`Bearer ${forged}`, "Bearer nope", null, key]) {
      await expect(authenticateApiKey(database.db, header)).rejects.toMatchObject({ code: "unauthenticated" });
    }
    await revokeApiKey(database.db, tenant.id, summary.id, creator);
    const error = await authenticateApiKey(database.db, `Bearer ${key}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(401);
  });

  it("keeps tenants:admin for operator keys and never revokes another tenant's key", async () => {
    const { tenant } = await seedTenant(database.db);
    const other = await seedTenant(database.db);
    await expect(createApiKey(database.db, { tenantId: tenant.id, name: "x", scopes: ["tenants:admin"], creator })).rejects.toMatchObject({
      code: "invalid_input",
    });
    const { summary } = await createApiKey(database.db, { tenantId: other.tenant.id, name: "theirs", scopes: ["signups:read"], creator });
    await expect(revokeApiKey(database.db, tenant.id, summary.id, creator)).rejects.toMatchObject({ code: "not_found" });
    expect((await listApiKeys(database.db, other.tenant.id))[0]?.revokedAt).toBeNull();
  });
});
