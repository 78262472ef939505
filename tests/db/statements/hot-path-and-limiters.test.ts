// Contract: the hot-path statements and the limiters' counter tables on SQLite and PostgreSQL, and
// the Store that owns their handles: one extra SQLite connection or one PostgreSQL pool per store,
// the SQLite pragmas on every connection, everything closed by close().
import { RateLimiterMemory } from "rate-limiter-flexible";
import { describe, expect, it } from "vitest";
import { preparedAuditInsert, preparedSignupInsert, preparedTokenRowRead } from "@switchboard/lib/db/statements/hot-path";
import { counterTableLimiter, pruneExpiredCounters } from "@switchboard/lib/db/statements/limiter-tables";
import { createStore } from "@switchboard/lib/db/store";
import { loadTokenRow } from "@switchboard/lib/integrations/tokens/stored-tokens";
import { testProviders } from "@/tests/helpers/databases";
import { useStatementWorld } from "./support/statement-world";

describe.each(testProviders)("hot-path statements and counter tables on %s", (provider) => {
  const world = useStatementWorld(provider);

  it("offers the prepared hot path where the database has one (SQLite), so callers fall back to Prisma elsewhere", async () => {
    const { database } = world();
    for (const statement of [
      preparedSignupInsert(database.store),
      preparedAuditInsert(database.store),
      preparedTokenRowRead(database.store),
    ]) {
      expect(statement === null).toBe(provider === "postgresql");
    }
    expect(database.store.sqlite() === null).toBe(provider === "postgresql");
    expect(database.store.pool() === null).toBe(provider === "sqlite");
  });

  it("writes signups and audit events that Prisma reads back as its own, and reads a token row exactly as Prisma does", async () => {
    const w = world();
    const insertSignup = preparedSignupInsert(w.database.store);
    const insertAudit = preparedAuditInsert(w.database.store);
    const readTokenRow = preparedTokenRowRead(w.database.store);
    if (!insertSignup || !insertAudit || !readTokenRow) return expect(provider).toBe("postgresql");
    const signup = {
      id: "csignup",
      tenantId: w.tenantId,
      email: "A@example.com",
      emailNormalized: "a@example.com",
      firstName: null,
      lastName: "Lovelace",
      company: null,
      freeText: "Läuft — ✓",
      consentGiven: true,
      consentText: "Yes",
      source: "agent" as const,
      status: "PENDING" as const,
      confirmationTokenHash: null,
      confirmationSentAt: null,
    };
    expect(await insertSignup(signup)).toEqual({ id: "csignup" });
    expect(await insertSignup({ ...signup, id: "cother" })).toBeNull();
    expect(await w.database.db.signup.findUniqueOrThrow({ where: { id: "csignup" } })).toMatchObject({
      status: "PENDING",
      consentGiven: true,
      attempts: 0,
      source: "agent",
      lastName: "Lovelace",
      company: null,
      freeText: "Läuft — ✓",
    });
    const event = {
      tenantId: w.tenantId,
      connectionId: w.connectionId,
      subject: "hubspot:62515",
      actorUserId: null,
      actorLabel: "key",
      action: "access_token_issued",
      outcome: "success",
      detail: null,
    };
    // Many events, one transaction: all of them are there, each with its own id.
    await insertAudit([event, { ...event, actorLabel: "other key" }]);
    const audits = await w.database.db.auditEvent.findMany({ orderBy: { actorLabel: "asc" } });
    expect(audits.map((audit) => audit.actorLabel)).toEqual(["key", "other key"]);
    expect(new Set(audits.map((audit) => audit.id)).size).toBe(2);
    const [audit] = audits;
    expect(audit).toMatchObject({ tenantId: w.tenantId, connectionId: w.connectionId, action: "access_token_issued", actorLabel: "key" });
    expect(Math.abs(audit!.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    // A batch that cannot be written whole is written not at all (an unknown tenant breaks the foreign key).
    await expect(
      insertAudit([
        { ...event, actorLabel: "third" },
        { ...event, tenantId: "no-such-tenant" },
      ]),
    ).rejects.toThrow();
    expect(await w.database.db.auditEvent.count()).toBe(2);
    await w.database.db.connection.update({
      where: { id: w.connectionId },
      data: {
        accessTokenCiphertext: "v1.sealed",
        refreshTokenCiphertext: "v1.refresh",
        accessTokenExpiresAt: new Date("2026-12-07T12:00:00.123Z"),
        lastRefreshedAt: new Date("2026-12-07T06:00:00Z"),
        tokenVersion: 3,
      },
    });
    expect(readTokenRow(w.connectionId)).toEqual(await loadTokenRow(w.database.db, w.connectionId));
    expect(readTokenRow("missing")).toBeNull();
  });

  it("counts in the shared table on PostgreSQL (two limiters, one budget) and in memory on SQLite, and prunes expired counters", async () => {
    const { database } = world();
    const limiter = () =>
      counterTableLimiter(database.store, {
        tableName: "signup_rate_limits",
        keyPrefix: "signup",
        points: 3,
        duration: 60,
        clearExpiredByTimeout: false,
        insurance: new RateLimiterMemory({ keyPrefix: "signup", points: 3, duration: 60 }),
      });
    const [first, second] = [limiter(), limiter()];
    const outcomes = [];
    for (const each of [first, second, first, second])
      outcomes.push(
        await each.consume("t:203.0.113.9").then(
          () => true,
          () => false,
        ),
      );
    expect(outcomes).toEqual(provider === "postgresql" ? [true, true, true, false] : [true, true, true, true]);
    if (provider === "postgresql") {
      await database.db.signupRateLimit.create({ data: { key: "signup:old", points: 1, expire: BigInt(Date.now() - 1) } });
      expect(await pruneExpiredCounters(database.store, "signup_rate_limits", Date.now())).toBe(1);
      expect(await database.db.signupRateLimit.count()).toBe(1);
    } else {
      expect(await pruneExpiredCounters(database.store, "signup_rate_limits", Date.now())).toBe(0);
    }
  });

  it("opens at most one extra handle per store, with the pragmas on SQLite, and closes them all", async () => {
    const { database } = world();
    const store = createStore(database.url);
    expect(store.sqlite()).toBe(store.sqlite());
    expect(store.pool()).toBe(store.pool());
    expect(store.shared("k", () => ({}))).toBe(store.shared("k", () => ({})));
    const connection = store.sqlite();
    if (connection) {
      expect(connection.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(connection.pragma("foreign_keys", { simple: true })).toBe(1);
      expect(await store.db.$queryRawUnsafe<{ foreign_keys: bigint | number }[]>("PRAGMA foreign_keys")).toEqual([
        { foreign_keys: expect.anything() },
      ]);
    }
    const pool = store.pool();
    if (pool) expect((await pool.pool.query(`SELECT COUNT(*)::int AS n FROM "Signup"`)).rows).toEqual([{ n: 0 }]);
    await store.close();
    if (connection) expect(connection.open).toBe(false);
    if (pool) expect(pool.pool.ended).toBe(true);
    await store.close();
  });
});
