// Password reset and change on both databases: the link comes by real SMTP, works once and for an
// hour, voids the account's other links, and ends every session (sessionVersion); nothing is sent
// for an unknown address; a change needs the current password.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { authenticateWithPassword } from "@switchboard/lib/auth/authenticate";
import { EMAIL_THROTTLE } from "@switchboard/lib/auth/login-throttle";
import { createMailer, type Mailer } from "@switchboard/lib/mail/mailer";
import { changePassword } from "@switchboard/lib/people/passwords/change-password";
import { issuePasswordReset } from "@switchboard/lib/people/passwords/issue-password-reset";
import { MAX_RESETS_PER_HOUR, requestPasswordReset } from "@switchboard/lib/people/passwords/request-password-reset";
import { findPasswordReset, resetPassword } from "@switchboard/lib/people/passwords/reset-password";
import { linkIn, startSmtpCatcher, type SmtpCatcher } from "@/scripts/lib/smtp-catcher";
import { createTestDatabase, testProviders, type TestDatabase } from "@/tests/helpers/databases";
import { KNOWN_PASSWORD, seedTenant } from "@/tests/helpers/seed-tenant";
import { acme, links } from "./support";

const tokenOf = (url: string) => url.slice(url.lastIndexOf("/") + 1);
/** Whether the sign-in check accepts this password for the owner. */
const signIn = (database: TestDatabase, password: string) =>
  authenticateWithPassword(database.db, { email: "owner@acme.test", password, ip: "203.0.113.9" }).then(
    () => ({ ok: true }),
    () => ({ ok: false }),
  );

describe.each(testProviders)("password reset on %s", (provider) => {
  let database: TestDatabase;
  let catcher: SmtpCatcher;
  let mailer: Mailer;
  beforeAll(async () => {
    [database, catcher] = await Promise.all([createTestDatabase(provider), startSmtpCatcher()]);
    mailer = createMailer({ from: "Switchboard <no-reply@switchboard.test>", smtpUrl: catcher.url });
  });
  afterAll(async () => Promise.all([database?.drop(), catcher?.close()]));
  beforeEach(async () => {
    await database.reset();
    catcher.messages.length = 0;
  });

  it("mails a link that sets a new password once and ends every session", async () => {
    const { db } = database;
    const {
      people: [owner],
    } = await seedTenant(db, acme);
    expect(await requestPasswordReset(db, mailer, " Owner@Acme.test ", links)).toBe("sent");
    const link = linkIn(await catcher.waitForMail("owner@acme.test"), `${links.appUrl}/reset-password/`);
    expect(await findPasswordReset(db, tokenOf(link))).toEqual({ state: "valid", email: "owner@acme.test" });
    const before = (await db.user.findUniqueOrThrow({ where: { id: owner.userId } })).sessionVersion;

    await resetPassword(db, tokenOf(link), "a brand new password");
    expect((await db.user.findUniqueOrThrow({ where: { id: owner.userId } })).sessionVersion).toBe(before + 1);
    expect((await signIn(database, "a brand new password")).ok).toBe(true);
    expect((await signIn(database, KNOWN_PASSWORD)).ok).toBe(false);
    expect((await findPasswordReset(db, tokenOf(link))).state).toBe("used");
    await expect(resetPassword(db, tokenOf(link), "yet another password")).rejects.toMatchObject({ code: "conflict" });
  });

  it("sends nothing for an unknown address and at most a few links per hour", async () => {
    const { db } = database;
    await seedTenant(db, acme);
    expect(await requestPasswordReset(db, mailer, "nobody@acme.test", links)).toBe("no-account");
    for (let i = 0; i < MAX_RESETS_PER_HOUR; i++) expect(await requestPasswordReset(db, mailer, "owner@acme.test", links)).toBe("sent");
    await expect(requestPasswordReset(db, mailer, "owner@acme.test", links)).rejects.toMatchObject({ code: "rate_limited" });
    expect(catcher.messages.map((mail) => mail.to)).toEqual(Array(MAX_RESETS_PER_HOUR).fill("owner@acme.test"));
  });

  it("refuses expired, malformed and unknown links, and voids other links after a reset", async () => {
    const { db } = database;
    const {
      people: [owner],
    } = await seedTenant(db, acme);
    const old = await issuePasswordReset(db, owner.userId, links.appUrl, new Date(Date.now() - 61 * 60_000));
    expect((await findPasswordReset(db, tokenOf(old.resetUrl))).state).toBe("expired");
    await expect(resetPassword(db, tokenOf(old.resetUrl), "a brand new password")).rejects.toMatchObject({ code: "conflict" });
    expect((await findPasswordReset(db, "../../etc/passwd")).state).toBe("invalid");
    expect((await findPasswordReset(db, "B".repeat(43))).state).toBe("invalid");
    expect((await signIn(database, KNOWN_PASSWORD)).ok).toBe(true);

    const first = await issuePasswordReset(db, owner.userId, links.appUrl);
    const second = await issuePasswordReset(db, owner.userId, links.appUrl);
    await resetPassword(db, tokenOf(second.resetUrl), "a brand new password");
    expect((await findPasswordReset(db, tokenOf(first.resetUrl))).state).toBe("used");
  });

  it("changes a password only with the right current one, and ends every session", async () => {
    const { db } = database;
    const {
      people: [owner],
    } = await seedTenant(db, acme);
    await expect(
      changePassword(db, owner.userId, { currentPassword: "wrong", newPassword: "a brand new password", ip: "203.0.113.9" }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      details: { fieldErrors: { currentPassword: ["That is not your current password."] } },
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: owner.userId } })).sessionVersion).toBe(0);
    await changePassword(db, owner.userId, { currentPassword: KNOWN_PASSWORD, newPassword: "a brand new password", ip: "203.0.113.9" });
    expect((await db.user.findUniqueOrThrow({ where: { id: owner.userId } })).sessionVersion).toBe(1);
    expect((await signIn(database, "a brand new password")).ok).toBe(true);
  });

  it("checks the current password under the sign-in throttle: a dozen guesses are not all answered", async () => {
    const { db } = database;
    const {
      people: [owner],
    } = await seedTenant(db, acme);
    const now = new Date();
    const change = (currentPassword: string, at = now) =>
      changePassword(db, owner.userId, { currentPassword, newPassword: "a brand new password", ip: "198.51.100.20" }, at).then(
        () => "changed",
        (error: { code: string }) => error.code,
      );
    const answers: string[] = [];
    for (let guess = 0; guess < 12; guess++) answers.push(await change(`wrong guess ${guess}`));
    expect(answers.slice(0, EMAIL_THROTTLE.freeFailures + 1)).toEqual(Array(EMAIL_THROTTLE.freeFailures + 1).fill("invalid_input"));
    expect(answers.slice(EMAIL_THROTTLE.freeFailures + 1)).toEqual(Array(12 - EMAIL_THROTTLE.freeFailures - 1).fill("rate_limited"));
    // Even the right password is refused while throttled, and nothing changes…
    expect(await change(KNOWN_PASSWORD)).toBe("rate_limited");
    expect((await db.user.findUniqueOrThrow({ where: { id: owner.userId } })).sessionVersion).toBe(0);
    // …until the lock is over.
    expect(await change(KNOWN_PASSWORD, new Date(now.getTime() + EMAIL_THROTTLE.maxLockMs + 1_000))).toBe("changed");
  });
});
