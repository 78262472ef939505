// Double opt-in end to end below the pages, on both databases, with mail over real SMTP: an
// UNCONFIRMED signup is invisible to the sync until confirmed from the mailed link; repeats re-send
// at most hourly and never add a row; forged, expired and used links change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer } from "@switchboard/lib/mail/mailer";
import { confirmSignup, findConfirmation } from "@switchboard/lib/signups/consent/confirm-signup";
import { CONFIRMATION_TTL_MS, type ConfirmationMailing } from "@switchboard/lib/signups/consent/double-opt-in";
import { countSignupsByStatus } from "@switchboard/lib/signups/dashboard/signup-overview";
import { recordSignup } from "@switchboard/lib/signups/intake/record-signup";
import { claimTenantSignups, tenantsWithPendingSignups } from "@switchboard/lib/signups/sync/claim-signups";
import { createTestDatabase, testProviders, type TestDatabase } from "@/tests/helpers/databases";
import { seedTenant } from "@/tests/helpers/seed-tenant";
import { linkIn, startSmtpCatcher, type SmtpCatcher } from "@/scripts/lib/smtp-catcher";

const APP_URL = "http://switchboard.test";
const CONSENT = "Yes, send me the Contoso newsletter; I can unsubscribe at any time.";

describe.each(testProviders)("double opt-in on %s", (provider) => {
  let database: TestDatabase;
  let catcher: SmtpCatcher;
  let mailing: ConfirmationMailing;
  let tenant: { id: string; name: string; consentText: string; doubleOptIn: boolean };

  beforeAll(async () => {
    [database, catcher] = await Promise.all([createTestDatabase(provider), startSmtpCatcher()]);
    mailing = { mailer: createMailer({ from: "news@switchboard.test", smtpUrl: catcher.url }), appUrl: APP_URL };
    const seeded = await seedTenant(database.db, { name: "Contoso" });
    tenant = await database.db.tenant.update({ where: { id: seeded.tenant.id }, data: { doubleOptIn: true, consentText: CONSENT } });
  });
  afterAll(async () => {
    await catcher?.close();
    await database?.drop();
  });

  const mailsTo = (email: string) => catcher.messages.filter((mail) => mail.to.includes(email));
  const tokenIn = async (email: string) => {
    const mail = await catcher.waitForMail(email);
    return linkIn(mail, `${APP_URL}/confirm/`).slice(`${APP_URL}/confirm/`.length);
  };
  const subscribe = (email: string) => recordSignup(database.store, tenant, { email, firstName: "Ada", consent: true }, mailing);
  const claim = () => claimTenantSignups(database.store, { workerId: "w1", tenantId: tenant.id, limit: 100, leaseMs: 60_000 });

  it("stores the signup as UNCONFIRMED with a hashed token, mails the link, and the sync does not see it", async () => {
    const { id, confirmationMail } = await subscribe("ada@example.com");
    expect(await confirmationMail).toBe(true);
    const token = await tokenIn("ada@example.com");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await database.db.signup.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "UNCONFIRMED", confirmedAt: null, consentText: CONSENT });
    expect(row.confirmationTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.confirmationTokenHash).not.toContain(token);
    expect(mailsTo("ada@example.com")[0]?.subject).toBe("Confirm your subscription to the Contoso newsletter");
    expect(await tenantsWithPendingSignups(database.db)).not.toContain(tenant.id);
    expect(await claim()).toEqual([]);
    expect((await countSignupsByStatus(database.db, tenant.id)).UNCONFIRMED).toBeGreaterThanOrEqual(1);
  });

  it("shows the link's page without confirming, then confirms once on POST with time, address and the consent text", async () => {
    const { id, confirmationMail } = await subscribe("bea@example.com");
    await confirmationMail;
    const token = await tokenIn("bea@example.com");
    expect(await findConfirmation(database.db, token)).toEqual({
      state: "pending",
      tenantName: "Contoso",
      email: "bea@example.com",
      consentText: CONSENT,
    });
    expect((await database.db.signup.findUniqueOrThrow({ where: { id } })).status).toBe("UNCONFIRMED");
    const counted = await countSignupsByStatus(database.db, tenant.id);
    expect(await confirmSignup(database.db, token, "198.51.100.7")).toEqual({ state: "confirmed", tenantName: "Contoso" });
    const row = await database.db.signup.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "PENDING", confirmedFromIp: "198.51.100.7", consentText: CONSENT });
    expect(row.confirmedAt).toBeInstanceOf(Date);
    const after = await countSignupsByStatus(database.db, tenant.id);
    expect(after.UNCONFIRMED).toBe(counted.UNCONFIRMED - 1);
    expect(after.PENDING).toBe(counted.PENDING + 1);
    expect((await claim()).map((signup) => signup.id)).toContain(id);
    // Used: a second POST changes nothing.
    expect(await confirmSignup(database.db, token, "203.0.113.9")).toEqual({ state: "used" });
    expect((await database.db.signup.findUniqueOrThrow({ where: { id } })).confirmedFromIp).toBe("198.51.100.7");
  });

  it("answers forged and malformed links as invalid, and expired ones as expired, changing nothing", async () => {
    const { id, confirmationMail } = await subscribe("cy@example.com");
    await confirmationMail;
    const token = await tokenIn("cy@example.com");
    expect(await confirmSignup(database.db, "A".repeat(43), "198.51.100.1")).toEqual({ state: "invalid" });
    expect(await confirmSignup(database.db, `${token}x`, "198.51.100.1")).toEqual({ state: "invalid" });
    expect(await confirmSignup(database.db, "../../etc", "198.51.100.1")).toEqual({ state: "invalid" });
    const later = new Date(Date.now() + CONFIRMATION_TTL_MS + 1000);
    expect(await confirmSignup(database.db, token, "198.51.100.1", later)).toEqual({ state: "expired" });
    expect(await database.db.signup.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "UNCONFIRMED",
      confirmedAt: null,
      confirmedFromIp: null,
    });
  });

  it("re-sends to a repeat at most once an hour, with a fresh link that replaces the old one, and keeps one row", async () => {
    const first = await subscribe("dee@example.com");
    await first.confirmationMail;
    const oldToken = await tokenIn("dee@example.com");
    const repeat = await subscribe("DEE@example.com");
    expect(await repeat.confirmationMail).toBe(false);
    expect(mailsTo("dee@example.com")).toHaveLength(1);
    await database.db.signup.updateMany({
      where: { tenantId: tenant.id, emailNormalized: "dee@example.com" },
      data: { confirmationSentAt: new Date(Date.now() - 61 * 60_000) },
    });
    const [a, b] = await Promise.all([subscribe("dee@example.com"), subscribe("dee@example.com")]);
    expect([await a.confirmationMail, await b.confirmationMail].sort()).toEqual([false, true]);
    expect(mailsTo("dee@example.com")).toHaveLength(2);
    expect(await database.db.signup.count({ where: { tenantId: tenant.id, emailNormalized: "dee@example.com" } })).toBe(1);
    const newToken = linkIn(mailsTo("dee@example.com")[1]!, `${APP_URL}/confirm/`).slice(`${APP_URL}/confirm/`.length);
    expect(newToken).not.toBe(oldToken);
    expect(await findConfirmation(database.db, oldToken)).toEqual({ state: "invalid" });
    expect((await findConfirmation(database.db, newToken)).state).toBe("pending");
  });

  it("sends nothing for an address already confirmed, and a tenant without double opt-in keeps today's behaviour", async () => {
    const { confirmationMail } = await subscribe("eve@example.com");
    await confirmationMail;
    await confirmSignup(database.db, await tokenIn("eve@example.com"), null);
    await database.db.signup.updateMany({ where: { emailNormalized: "eve@example.com" }, data: { confirmationSentAt: new Date(0) } });
    expect(await (await subscribe("eve@example.com")).confirmationMail).toBe(false);
    expect(mailsTo("eve@example.com")).toHaveLength(1);

    const plain = (await seedTenant(database.db)).tenant;
    const recorded = await recordSignup(database.store, plain, { email: "fay@example.com", consent: true }, mailing);
    expect(await recorded.confirmationMail).toBe(false);
    expect(await database.db.signup.findUniqueOrThrow({ where: { id: recorded.id } })).toMatchObject({
      status: "PENDING",
      confirmationTokenHash: null,
    });
    expect(mailsTo("fay@example.com")).toHaveLength(0);
  });

  it("lets the visitor retry at once when the mail could not go out", async () => {
    const broken: ConfirmationMailing = {
      mailer: createMailer({ from: "x@switchboard.test", smtpUrl: "smtp://127.0.0.1:1" }),
      appUrl: APP_URL,
    };
    const failed = await recordSignup(database.store, tenant, { email: "gus@example.com", consent: true }, broken);
    expect(await failed.confirmationMail).toBe(false);
    expect((await database.db.signup.findUniqueOrThrow({ where: { id: failed.id } })).confirmationSentAt).toBeNull();
    expect(await (await subscribe("gus@example.com")).confirmationMail).toBe(true);
    expect(mailsTo("gus@example.com")).toHaveLength(1);
  });
});
