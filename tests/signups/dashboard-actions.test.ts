// The dashboard's data functions: counts and lists scoped to one tenant, Retry only for that
// tenant's failed signups, and validated form settings.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countSignupsByStatus } from "@switchboard/lib/signups/dashboard/signup-overview";
import { listSignups } from "@switchboard/lib/signups/dashboard/list-signups";
import { retryFailedSignup, saveSignupSettings, signupSettingsSchema } from "@switchboard/lib/signups/dashboard/manage-signups";
import { findPublicTenant } from "@switchboard/lib/signups/intake/public-tenant";
import { seedTenant } from "@/tests/helpers/seed-tenant";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/databases";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase("sqlite");
});
afterAll(async () => {
  await database?.drop();
});

async function failedSignup(tenantId: string, email: string) {
  return database.db.signup.create({
    data: {
      tenantId,
      email,
      emailNormalized: email,
      consentGiven: true,
      status: "FAILED",
      attempts: 1,
      lastError: "VALIDATION_ERROR: Email address is invalid",
    },
  });
}

describe("signups dashboard data", () => {
  it("counts and lists only the tenant's own signups", async () => {
    const { tenant: mine } = await seedTenant(database.db);
    const { tenant: theirs } = await seedTenant(database.db);
    await failedSignup(mine.id, "mine@example.com");
    await failedSignup(theirs.id, "theirs@example.com");
    await database.db.signup.create({
      data: { tenantId: mine.id, email: "p@example.com", emailNormalized: "p@example.com", consentGiven: true },
    });
    expect(await countSignupsByStatus(database.db, mine.id)).toEqual({ UNCONFIRMED: 0, PENDING: 1, SYNCED: 0, FAILED: 1, UNSUBSCRIBED: 0 });
    expect((await listSignups(database.db, mine.id, {})).items.map((row) => row.email).sort()).toEqual([
      "mine@example.com",
      "p@example.com",
    ]);
  });

  it("retries a failed signup of the same tenant only", async () => {
    const { tenant: mine } = await seedTenant(database.db);
    const { tenant: theirs } = await seedTenant(database.db);
    const foreign = await failedSignup(theirs.id, "foreign@example.com");
    expect(await retryFailedSignup(database.db, mine.id, foreign.id, { userId: null, label: "test" })).toBe(false);
    expect((await database.db.signup.findUniqueOrThrow({ where: { id: foreign.id } })).status).toBe("FAILED");
    const own = await failedSignup(mine.id, "own@example.com");
    expect(await retryFailedSignup(database.db, mine.id, own.id, { userId: null, label: "test" })).toBe(true);
    expect(await database.db.signup.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({
      status: "PENDING",
      attempts: 0,
      lastError: null,
    });
  });

  it("validates settings and stores canonical origins the API then honours", async () => {
    const bad = signupSettingsSchema.safeParse({ consentText: "ok", allowedOrigins: "https://ok.test\nhttps://x.test/path\nftp://y.test" });
    expect(bad.success).toBe(false);
    const good = signupSettingsSchema.parse({
      consentText: "Yes, send me the newsletter.",
      allowedOrigins: "https://Shop.Example.com/\nhttps://shop.example.com\nhttp://localhost:8080",
    });
    expect(good.allowedOrigins).toEqual(["https://shop.example.com", "http://localhost:8080"]);
    const { tenant } = await seedTenant(database.db);
    await saveSignupSettings(database.db, tenant.id, good, { userId: null, label: "test" });
    const publicTenant = await findPublicTenant(database.db, tenant.slug);
    expect(publicTenant).toMatchObject({
      consentText: "Yes, send me the newsletter.",
      allowedOrigins: ["https://shop.example.com", "http://localhost:8080"],
    });
  });
});
