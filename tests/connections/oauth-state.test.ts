// OAuth state storage rules, on a real SQLite database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/databases";
import { seedTenant } from "@/tests/helpers/seed-tenant";
import { consumeOAuthState, createOAuthState, OAuthStateError } from "@switchboard/lib/integrations/oauth-state";

let database: TestDatabase;
let binding: { provider: string; tenantId: string; userId: string };
beforeAll(async () => {
  database = await createTestDatabase("sqlite");
  const { tenant } = await seedTenant(database.db, { people: [] });
  binding = { provider: "hubspot", tenantId: tenant.id, userId: "user-1" };
});
afterAll(async () => database?.drop());

const reasonOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return "accepted";
  } catch (error) {
    return error instanceof OAuthStateError ? error.reason : String(error);
  }
};

describe("OAuth state", () => {
  it("is 256 random bits, stored only as its SHA-256, expiring in 10 minutes", async () => {
    const now = new Date("2026-11-22T10:00:00Z");
    const state = await createOAuthState(database.db, { ...binding, connectionId: "conn-9" }, now);
    expect(Buffer.from(state, "base64url")).toHaveLength(32);
    const row = await database.db.oAuthState.findFirstOrThrow({ where: { stateHash: createHash("sha256").update(state).digest("hex") } });
    expect(JSON.stringify(row)).not.toContain(state);
    expect(row.expiresAt.toISOString()).toBe("2026-11-22T10:10:00.000Z");
    expect(row.connectionId).toBe("conn-9");
    const second = await createOAuthState(database.db, binding, now);
    expect(second).not.toBe(state);
  });

  it("is consumed once; a second use is refused", async () => {
    const state = await createOAuthState(database.db, binding);
    const consumed = await consumeOAuthState(database.db, state, { userId: "user-1" });
    expect(consumed).toMatchObject({ tenantId: binding.tenantId, userId: "user-1", provider: "hubspot" });
    expect(await reasonOf(consumeOAuthState(database.db, state, { userId: "user-1" }))).toBe("unknown");
  });

  it("lets only one of many concurrent consumers win", async () => {
    const state = await createOAuthState(database.db, binding);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => reasonOf(consumeOAuthState(database.db, state, { userId: "user-1" }))),
    );
    expect(results.filter((r) => r === "accepted")).toHaveLength(1);
    expect(results.filter((r) => r === "unknown")).toHaveLength(9);
  });

  it("is refused after ten minutes, and deleted anyway", async () => {
    const issued = new Date("2026-11-22T10:00:00Z");
    const state = await createOAuthState(database.db, binding, issued);
    const late = new Date(issued.getTime() + 10 * 60_000 + 1);
    expect(await reasonOf(consumeOAuthState(database.db, state, { userId: "user-1" }, late))).toBe("expired");
    expect(await reasonOf(consumeOAuthState(database.db, state, { userId: "user-1" }, issued))).toBe("unknown");
  });

  it("is refused for another user without being burnt", async () => {
    const state = await createOAuthState(database.db, binding);
    expect(await reasonOf(consumeOAuthState(database.db, state, { userId: "intruder" }))).toBe("other-user");
    expect(await reasonOf(consumeOAuthState(database.db, state, { userId: "user-1" }))).toBe("accepted");
  });

  it("refuses unknown values and sweeps expired states when new ones are made", async () => {
    expect(await reasonOf(consumeOAuthState(database.db, "x".repeat(43), { userId: "user-1" }))).toBe("unknown");
    await createOAuthState(database.db, binding, new Date(Date.now() - 3_600_000));
    await createOAuthState(database.db, binding);
    const stale = await database.db.oAuthState.count({ where: { expiresAt: { lt: new Date() } } });
    expect(stale).toBe(0);
  });
});
