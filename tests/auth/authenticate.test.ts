import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { authenticateWithPassword } from "@switchboard/lib/auth/authenticate";
import { EMAIL_THROTTLE, IP_THROTTLE } from "@switchboard/lib/auth/login-throttle";
import { hashPassword } from "@switchboard/lib/auth/password";
import { createTestDatabase, testProviders, type TestDatabase } from "@/tests/helpers/databases";

const PASSWORD = "switchboard-test-password";
let passwordHash: string;
beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

describe.each(testProviders)("password sign-in on %s", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => database?.drop());
  beforeEach(async () => {
    await database.reset();
    await database.db.user.create({ data: { email: "admin@contoso.test", name: "Admin", passwordHash } });
  });

  const pauses: number[] = [];
  const attempt = (email: string, password: string, ip: string | null = "203.0.113.7", now?: Date) =>
    authenticateWithPassword(database.db, { email, password, ip }, now, async (ms) => void pauses.push(ms));

  it("accepts the right password, whatever the email's case", async () => {
    expect(await attempt(" Admin@Contoso.test ", PASSWORD)).toMatchObject({ email: "admin@contoso.test", name: "Admin" });
  });

  it("answers a wrong password and an unknown email identically", async () => {
    const wrongPassword = await attempt("admin@contoso.test", "wrong").catch((error: unknown) => error);
    const unknownEmail = await attempt("nobody@contoso.test", "wrong").catch((error: unknown) => error);
    expect(wrongPassword).toMatchObject({ code: "unauthenticated", message: "The email or password is incorrect." });
    expect(unknownEmail).toEqual(wrongPassword);
  });

  it("counts failures for unknown emails too, so locking reveals nothing", async () => {
    await attempt("nobody@contoso.test", "wrong").catch(() => undefined);
    const row = await database.db.loginThrottle.findUnique({ where: { key: "email:nobody@contoso.test" } });
    expect(row?.failures).toBe(1);
  });

  it("locks one client guessing one account, and only that client", async () => {
    const now = new Date();
    for (let i = 0; i <= EMAIL_THROTTLE.freeFailures; i++)
      await attempt("admin@contoso.test", "wrong", "198.51.100.1", now).catch(() => undefined);
    await expect(attempt("admin@contoso.test", PASSWORD, "198.51.100.1", now)).rejects.toMatchObject({ code: "rate_limited" });
    const later = new Date(now.getTime() + EMAIL_THROTTLE.baseLockMs + 1_000);
    expect(await attempt("admin@contoso.test", PASSWORD, "198.51.100.1", later)).toMatchObject({ email: "admin@contoso.test" });
  });

  it("never refuses the right password because others failed on the email from other addresses", async () => {
    const now = new Date();
    pauses.length = 0;
    // A botnet: many addresses, a few wrong guesses each.
    for (let bot = 0; bot < 4; bot++) {
      for (let i = 0; i < 3; i++) await attempt("admin@contoso.test", "wrong", `198.51.100.${bot}`, now).catch(() => undefined);
    }
    expect(await attempt("admin@contoso.test", PASSWORD, "203.0.113.50", now)).toMatchObject({ email: "admin@contoso.test" });
    // …but every answer for that account got slower once failures piled up.
    expect(pauses.length).toBeGreaterThan(0);
    expect(Math.max(...pauses)).toBeLessThanOrEqual(3_000);
    // Success resets the account's slow-down.
    pauses.length = 0;
    await attempt("admin@contoso.test", PASSWORD, "203.0.113.50", now);
    expect(pauses).toEqual([]);
  });

  it("locks an IP that sprays many emails", async () => {
    const now = new Date();
    await database.db.loginThrottle.create({
      data: { key: "ip:203.0.113.7", failures: IP_THROTTLE.freeFailures, windowStart: now },
    });
    await expect(attempt("someone@x.test", "wrong", "203.0.113.7", now)).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(attempt("admin@contoso.test", PASSWORD, "203.0.113.7", now)).rejects.toMatchObject({ code: "rate_limited" });
    expect(await attempt("admin@contoso.test", PASSWORD, "203.0.113.8", now)).toMatchObject({ email: "admin@contoso.test" });
  });

  it("clears the account's failures after a successful sign-in", async () => {
    await attempt("admin@contoso.test", "wrong").catch(() => undefined);
    await attempt("admin@contoso.test", PASSWORD);
    expect(await database.db.loginThrottle.findUnique({ where: { key: "email:admin@contoso.test" } })).toBeNull();
    expect(await database.db.loginThrottle.findUnique({ where: { key: "client:admin@contoso.test|203.0.113.7" } })).toBeNull();
    expect(await database.db.loginThrottle.findUnique({ where: { key: "ip:203.0.113.7" } })).not.toBeNull();
  });
});
