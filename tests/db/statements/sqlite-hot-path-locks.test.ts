// The prepared SQLite insert intake uses (lib/db/statements/hot-path.ts): rows Prisma reads back as
// its own, conflicts reported, and lock waits that neither block the event loop nor put a signup
// inside someone else's transaction. SQLite only: PostgreSQL has no such path (contract suite: hot-path.test.ts).
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqliteFilePath } from "@switchboard/lib/db/database-url";
import { preparedSignupInsert } from "@switchboard/lib/db/statements/hot-path";
import type { NewSignupRow } from "@switchboard/lib/signups/intake/record-signup";
import { newSignupId } from "@switchboard/lib/signups/intake/record-signup";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/databases";
import { seedTenant } from "@/tests/helpers/seed-tenant";

let database: TestDatabase;
let tenantId: string;

beforeAll(async () => {
  database = await createTestDatabase("sqlite");
  tenantId = (await seedTenant(database.db)).tenant.id;
});

afterAll(async () => {
  await database?.drop();
});

const row = (email: string, overrides: Partial<NewSignupRow> = {}): NewSignupRow => ({
  id: newSignupId(),
  tenantId,
  email,
  emailNormalized: email.toLowerCase(),
  firstName: "Ada",
  lastName: null,
  company: null,
  freeText: null,
  consentGiven: true,
  consentText: "Yes, send me the newsletter.",
  source: "form",
  status: "PENDING",
  confirmationTokenHash: null,
  confirmationSentAt: null,
  ...overrides,
});

/** Another connection holding the write lock, as a second process (or Prisma mid-transaction) would. */
function holdWriteLock(): () => void {
  const other = new Database(sqliteFilePath(database.url));
  other.exec("BEGIN IMMEDIATE");
  return () => {
    other.exec("COMMIT");
    other.close();
  };
}

describe("prepared SQLite signup insert", () => {
  it("commits a row that Prisma reads back with proper dates, flags and defaults", async () => {
    const write = preparedSignupInsert(database.store)!;
    const before = Date.now();
    const input = row("Reader@Example.com", { consentGiven: false, firstName: null });
    expect(await write(input)).toEqual({ id: input.id });
    const stored = await database.db.signup.findUniqueOrThrow({ where: { id: input.id } });
    expect(stored).toMatchObject({
      tenantId,
      email: "Reader@Example.com",
      emailNormalized: "reader@example.com",
      firstName: null,
      consentGiven: false,
      status: "PENDING",
      attempts: 0,
      claimedBy: null,
    });
    for (const date of [stored.createdAt, stored.updatedAt, stored.nextAttemptAt]) {
      expect(date.getTime()).toBeGreaterThanOrEqual(before - 1);
      expect(date.getTime()).toBeLessThanOrEqual(Date.now() + 1);
    }
    // Due for the sync right away, by the same comparison the sync's claim query makes.
    expect(await database.db.signup.count({ where: { id: input.id, nextAttemptAt: { lte: new Date() } } })).toBe(1);
  });

  it("answers null for an address the tenant already has and leaves that row alone", async () => {
    const write = preparedSignupInsert(database.store)!;
    const first = row("twice@example.com");
    await write(first);
    expect(await write(row("TWICE@example.com", { firstName: "Other" }))).toBeNull();
    const rows = await database.db.signup.findMany({ where: { tenantId, emailNormalized: "twice@example.com" } });
    expect(rows.map((stored) => [stored.id, stored.firstName])).toEqual([[first.id, "Ada"]]);
  });

  it("waits for a held write lock without blocking the event loop, then commits", async () => {
    const write = preparedSignupInsert(database.store)!;
    const release = holdWriteLock();
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    const pending = write(row("waited@example.com"));
    await new Promise((resolve) => setTimeout(resolve, 150));
    release();
    const result = await pending;
    clearInterval(ticker);
    expect(result).not.toBeNull();
    // A blocking busy handler would have frozen the timer for the whole 150 ms.
    expect(ticks).toBeGreaterThan(5);
    expect(await database.db.signup.count({ where: { id: result?.id } })).toBe(1);
  });

  it("gives up with SQLITE_BUSY once the lock-wait limit has passed", async () => {
    const write = preparedSignupInsert(database.store, { lockWaitLimitMs: 100 })!;
    const release = holdWriteLock();
    try {
      await expect(write(row("never@example.com"))).rejects.toMatchObject({ code: "SQLITE_BUSY" });
    } finally {
      release();
    }
    expect(await database.db.signup.count({ where: { emailNormalized: "never@example.com" } })).toBe(0);
  });

  it("waits out a transaction of this process's own Prisma connection instead of deadlocking on it", async () => {
    const write = preparedSignupInsert(database.store)!;
    let written: Promise<{ id: string } | null> | undefined;
    await expect(
      database.db.$transaction(async (tx) => {
        await tx.tenant.update({ where: { id: tenantId }, data: { name: "Renamed inside a doomed transaction" } });
        // Arrives mid-transaction, as a visitor's signup may while the sync records outcomes. A
        // blocking busy wait here would freeze the event loop this transaction needs to finish.
        written = write(row("survivor@example.com"));
        await new Promise((resolve) => setTimeout(resolve, 30));
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    const result = await written;
    expect(result).not.toBeNull();
    expect(await database.db.signup.count({ where: { id: result?.id } })).toBe(1);
    expect((await database.db.tenant.findUniqueOrThrow({ where: { id: tenantId } })).name).not.toBe("Renamed inside a doomed transaction");
  });
});
