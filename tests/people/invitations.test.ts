// Invitations end to end on both databases: mailed over real SMTP, accepted from the link in the
// received message, single-use, bound to tenant + email + role, and every unusable link refused
// with nothing changed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@switchboard/lib/app-error";
import { authenticateWithPassword } from "@switchboard/lib/auth/authenticate";
import { createMailer, type Mailer } from "@switchboard/lib/mail/mailer";
import { acceptInvitation } from "@switchboard/lib/people/invitations/accept-invitation";
import { createInvitation } from "@switchboard/lib/people/invitations/create-invitation";
import { findInvitation } from "@switchboard/lib/people/invitations/find-invitation";
import {
  INVITATION_WINDOW_MS,
  MAX_INVITATIONS_PER_ADDRESS,
  MAX_INVITATIONS_PER_TENANT,
} from "@switchboard/lib/people/invitations/invitation-rate-limit";
import { revokeInvitation } from "@switchboard/lib/people/invitations/revoke-invitation";
import { listPendingInvitations } from "@switchboard/lib/people/members/list-people";
import { linkIn, startSmtpCatcher, type SmtpCatcher } from "@/scripts/lib/smtp-catcher";
import { createTestDatabase, testProviders, type TestDatabase } from "@/tests/helpers/databases";
import { seedPerson, seedTenant } from "@/tests/helpers/seed-tenant";
import { acme, globex, links } from "./support";

const tokenOf = (url: string) => url.slice(url.lastIndexOf("/") + 1);
const DAY = 24 * 60 * 60_000;

describe.each(testProviders)("invitations on %s", (provider) => {
  let database: TestDatabase;
  let catcher: SmtpCatcher;
  let mailer: Mailer;
  beforeAll(async () => {
    [database, catcher] = await Promise.all([createTestDatabase(provider), startSmtpCatcher()]);
    mailer = createMailer({ from: "Switchboard <no-reply@switchboard.test>", smtpUrl: catcher.url });
  });
  afterAll(async () => Promise.all([database?.drop(), catcher?.close()]));
  beforeEach(async () => database.reset());

  it("mails a link a new person uses once to create an account and join with the invited role", async () => {
    const { db } = database;
    const {
      tenant,
      people: [owner],
    } = await seedTenant(db, acme);
    const created = await createInvitation(db, mailer, owner.actor, tenant, { email: "New.Person@Acme.test", role: "ADMIN" }, links);
    expect(created.delivery).toEqual({ delivered: true, via: "smtp" });

    const mail = await catcher.waitForMail("new.person@acme.test");
    const link = linkIn(mail, `${links.appUrl}/invite/`);
    expect(link).toBe(created.acceptUrl);
    const token = tokenOf(link);
    // Only the hash is stored.
    const stored = await db.invitation.findFirstOrThrow({ where: { tenantId: tenant.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBeGreaterThan(7 * DAY - 60_000);

    const lookup = await findInvitation(db, token);
    expect(lookup.state === "pending" && lookup.invitation).toMatchObject({
      email: "new.person@acme.test",
      role: "ADMIN",
      accountExists: false,
    });

    const accepted = await acceptInvitation(db, token, { kind: "new-account", name: "New Person", password: "a long new password" });
    expect(accepted.tenant.slug).toBe("acme");
    const membership = await db.membership.findFirstOrThrow({ where: { userId: accepted.userId } });
    expect(membership).toMatchObject({ tenantId: tenant.id, role: "ADMIN" });
    expect(await authenticateWithPassword(db, { email: "new.person@acme.test", password: "a long new password", ip: null })).toMatchObject({
      email: "new.person@acme.test",
    });

    expect((await findInvitation(db, token)).state).toBe("used");
    await expect(acceptInvitation(db, token, { kind: "new-account", name: "Again", password: "another long password" })).rejects.toThrow(
      AppError,
    );
    expect(await db.user.count()).toBe(2);
    const audit = await db.auditEvent.findMany({ where: { tenantId: tenant.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((event) => event.action)).toEqual(["member_invite", "invitation_accept"]);
  });

  it("lets an existing user join only while signed in as the invited email", async () => {
    const { db } = database;
    const {
      tenant,
      people: [owner],
    } = await seedTenant(db, acme);
    const other = await seedTenant(db, globex);
    const invited = await seedPerson(db, other.tenant.id, { role: "MEMBER", email: "dana@globex.test" });
    const created = await createInvitation(db, mailer, owner.actor, tenant, { email: "dana@globex.test", role: "MEMBER" }, links);
    const token = tokenOf(created.acceptUrl);

    await expect(acceptInvitation(db, token, { kind: "signed-in", userId: other.people[0].userId })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(acceptInvitation(db, token, { kind: "new-account", name: "Dana", password: "a long new password" })).rejects.toMatchObject(
      { code: "conflict" },
    );
    expect(await db.membership.count({ where: { tenantId: tenant.id } })).toBe(1);
    expect((await findInvitation(db, token)).state).toBe("pending");

    await acceptInvitation(db, token, { kind: "signed-in", userId: invited.userId });
    expect(await db.membership.findUnique({ where: { userId_tenantId: { userId: invited.userId, tenantId: tenant.id } } })).toMatchObject({
      role: "MEMBER",
    });
  });

  it("refuses expired, revoked, malformed and unknown links and changes nothing", async () => {
    const { db } = database;
    const {
      tenant,
      people: [owner],
    } = await seedTenant(db, acme);
    const now = new Date();
    const expired = await createInvitation(
      db,
      mailer,
      owner.actor,
      tenant,
      { email: "late@acme.test", role: "MEMBER" },
      links,
      new Date(now.getTime() - 8 * DAY),
    );
    const revoked = await createInvitation(db, mailer, owner.actor, tenant, { email: "gone@acme.test", role: "MEMBER" }, links);
    await revokeInvitation(db, owner.actor, tenant.id, revoked.id);

    expect((await findInvitation(db, tokenOf(expired.acceptUrl))).state).toBe("expired");
    expect((await findInvitation(db, tokenOf(revoked.acceptUrl))).state).toBe("revoked");
    expect((await findInvitation(db, "not-a-token")).state).toBe("invalid");
    expect((await findInvitation(db, "A".repeat(43))).state).toBe("invalid");
    for (const token of [tokenOf(expired.acceptUrl), tokenOf(revoked.acceptUrl), "x".repeat(43)]) {
      await expect(acceptInvitation(db, token, { kind: "new-account", name: "X", password: "a long new password" })).rejects.toMatchObject({
        code: "conflict",
      });
    }
    expect(await db.user.count()).toBe(1);
    expect(await listPendingInvitations(db, tenant.id)).toEqual([]);
  });

  it("names a new person by the one display-text rule: invisible characters stripped, control characters refused", async () => {
    const { db } = database;
    const {
      tenant,
      people: [owner],
    } = await seedTenant(db, acme);
    const created = await createInvitation(db, mailer, owner.actor, tenant, { email: "named@acme.test", role: "MEMBER" }, links);
    await expect(
      acceptInvitation(db, tokenOf(created.acceptUrl), { kind: "new-account", name: "Eve\r\nAdmin", password: "a long new password" }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      details: { fieldErrors: { name: [expect.stringMatching(/control characters/)] } },
    });
    expect(await db.user.count({ where: { email: "named@acme.test" } })).toBe(0);
    await acceptInvitation(db, tokenOf(created.acceptUrl), {
      kind: "new-account",
      name: "\u202EEve\u200d",
      password: "a long new password",
    });
    expect((await db.user.findUniqueOrThrow({ where: { email: "named@acme.test" } })).name).toBe("Eve");
  });

  it("accepts a link submitted twice at once exactly once", async () => {
    const { db } = database;
    const {
      tenant,
      people: [owner],
    } = await seedTenant(db, acme);
    const created = await createInvitation(db, mailer, owner.actor, tenant, { email: "twice@acme.test", role: "MEMBER" }, links);
    const results = await Promise.allSettled([
      acceptInvitation(db, tokenOf(created.acceptUrl), { kind: "new-account", name: "One", password: "a long new password" }),
      acceptInvitation(db, tokenOf(created.acceptUrl), { kind: "new-account", name: "Two", password: "a long new password" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { email: "twice@acme.test" } })).toBe(1);
  });

  it("replaces a pending invitation for the same address and refuses to invite a member", async () => {
    const { db } = database;
    const {
      tenant,
      people: [owner],
    } = await seedTenant(db, acme);
    const first = await createInvitation(db, mailer, owner.actor, tenant, { email: "eve@acme.test", role: "MEMBER" }, links);
    const second = await createInvitation(db, mailer, owner.actor, tenant, { email: "eve@acme.test", role: "ADMIN" }, links);
    expect((await findInvitation(db, tokenOf(first.acceptUrl))).state).toBe("revoked");
    expect((await listPendingInvitations(db, tenant.id)).map((i) => [i.id, i.role])).toEqual([[second.id, "ADMIN"]]);
    await expect(
      createInvitation(db, mailer, owner.actor, tenant, { email: "owner@acme.test", role: "MEMBER" }, links),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("lets only an owner invite an owner, and no member invite anyone", async () => {
    const { db } = database;
    const { tenant } = await seedTenant(db, acme);
    const admin = await seedPerson(db, tenant.id, { role: "ADMIN", email: "admin@acme.test" });
    const member = await seedPerson(db, tenant.id, { role: "MEMBER", email: "member@acme.test" });
    await expect(
      createInvitation(db, mailer, admin.actor, tenant, { email: "boss@acme.test", role: "OWNER" }, links),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(createInvitation(db, mailer, member.actor, tenant, { email: "x@acme.test", role: "MEMBER" }, links)).rejects.toMatchObject(
      { code: "forbidden" },
    );
    expect(await db.invitation.count()).toBe(0);
    await createInvitation(db, mailer, admin.actor, tenant, { email: "colleague@acme.test", role: "ADMIN" }, links);
    expect(await db.invitation.count()).toBe(1);
  });

  it("limits invitation mails per address and per tenant, whoever invites, and says when to come back", async () => {
    const { db } = database;
    const {
      tenant: acmeTenant,
      people: [acmeOwner],
    } = await seedTenant(db, acme);
    const {
      tenant: globexTenant,
      people: [globexOwner],
    } = await seedTenant(db, globex);
    const now = new Date();
    const invite = (actor: typeof acmeOwner.actor, tenant: typeof acmeTenant, email: string, at = now) =>
      createInvitation(db, mailer, actor, tenant, { email, role: "MEMBER" }, links, at);
    // The same address from two tenants counts together: no inbox gets more than a few an hour.
    for (let i = 0; i < MAX_INVITATIONS_PER_ADDRESS - 1; i++) await invite(acmeOwner.actor, acmeTenant, "flooded@victim.test");
    await invite(globexOwner.actor, globexTenant, "Flooded@Victim.test");
    const limited = await invite(acmeOwner.actor, acmeTenant, "flooded@victim.test").catch((error: unknown) => error);
    expect(limited).toBeInstanceOf(AppError);
    expect(limited).toMatchObject({
      code: "rate_limited",
      details: { retryAfterSeconds: 3600, fieldErrors: { email: [expect.stringMatching(/Try again in 60 minutes/)] } },
    });
    expect(await db.invitation.count({ where: { email: "flooded@victim.test" } })).toBe(MAX_INVITATIONS_PER_ADDRESS);
    // An hour later the address may be invited again.
    await invite(acmeOwner.actor, acmeTenant, "flooded@victim.test", new Date(now.getTime() + INVITATION_WINDOW_MS + 1_000));

    // Per tenant: many different addresses, then a refusal for the next one.
    const spree = new Date(now.getTime() + 2 * INVITATION_WINDOW_MS);
    for (let i = 0; i < MAX_INVITATIONS_PER_TENANT; i++) await invite(globexOwner.actor, globexTenant, `person${i}@spree.test`, spree);
    await expect(invite(globexOwner.actor, globexTenant, "one-more@spree.test", spree)).rejects.toMatchObject({ code: "rate_limited" });
    // Another tenant is not affected.
    await invite(acmeOwner.actor, acmeTenant, "one-more@spree.test", spree);
    expect(await db.invitation.count({ where: { email: "flooded@victim.test" } })).toBe(MAX_INVITATIONS_PER_ADDRESS + 1);
  });
});
