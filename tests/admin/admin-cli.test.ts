// The operator CLI on both databases, run in-process with a real database, real SMTP (an
// smtp-server started here) and the HubSpot simulator; plus the real `npm run admin` process for
// --help and exit codes.
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMailer } from "@switchboard/lib/mail/mailer";
import { acceptInvitation } from "@switchboard/lib/people/invitations/accept-invitation";
import { resetPassword } from "@switchboard/lib/people/passwords/reset-password";
import { defaultIntegrationServices } from "@switchboard/lib/integrations/services";
import { startSimulator } from "@/simulator/src/server";
import { runAdmin, type AdminOverrides } from "@/scripts/admin/main";
import { linkIn, startSmtpCatcher, type SmtpCatcher } from "@/scripts/lib/smtp-catcher";
import { connectPortal } from "@/tests/helpers/connect-portal";
import { seedPerson } from "@/tests/helpers/seed-tenant";
import { createTestDatabase, testProviders, type TestDatabase } from "@/tests/helpers/databases";
import { configureAppForSimulator } from "@/tests/helpers/simulator-env";

const links = { appUrl: "http://localhost:3000", productName: "Switchboard" };
const tokenOf = (url: string) => url.slice(url.lastIndexOf("/") + 1);

let sim: Awaited<ReturnType<typeof startSimulator>>;
let catcher: SmtpCatcher;
beforeAll(async () => {
  [sim, catcher] = await Promise.all([startSimulator({ port: 0 }), startSmtpCatcher()]);
  configureAppForSimulator(sim.url, "file:./unused-by-these-tests.db");
});
afterAll(async () => Promise.all([sim?.close(), catcher?.close()]));

describe.each(testProviders)("npm run admin on %s", (provider) => {
  let database: TestDatabase;
  let overrides: AdminOverrides;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    const mailer = createMailer({ from: "ops@switchboard.test", smtpUrl: catcher.url });
    overrides = {
      store: () => database.store,
      db: () => database.db,
      mailer: () => mailer,
      links: () => links,
      integrations: defaultIntegrationServices,
    };
  });
  afterAll(async () => database?.drop());
  beforeEach(async () => database.reset());

  async function admin(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runAdmin(argv, { out: (line) => out.push(line), err: (line) => err.push(line) }, overrides);
    return { code, out: out.join("\n"), err: err.join("\n") };
  }

  it("creates a tenant whose owner joins from the mailed link; running it again creates nothing new", async () => {
    const created = await admin("tenant", "create", "--name", "Acme", "--slug", "acme", "--owner", "Owner@Acme.test");
    expect(created).toMatchObject({ code: 0, err: "" });
    expect(created.out).toContain("Created tenant Acme (acme).");
    const printed = /http:\/\/localhost:3000\/invite\/\S+/.exec(created.out)?.[0];
    const mailed = linkIn(await catcher.waitForMail("owner@acme.test"), `${links.appUrl}/invite/`);
    expect(mailed).toBe(printed);

    const again = await admin("tenant", "create", "--name", "Acme", "--slug", "acme", "--owner", "owner@acme.test");
    expect(again.code).toBe(0);
    expect(again.out).toContain("Tenant acme already exists.");
    expect(await database.db.tenant.count()).toBe(1);

    const latest = /http:\/\/localhost:3000\/invite\/\S+/.exec(again.out)?.[0] ?? "";
    await acceptInvitation(database.db, tokenOf(latest), { kind: "new-account", name: "Owner", password: "a long new password" });
    expect((await admin("tenant", "create", "--name", "Acme", "--slug", "acme", "--owner", "owner@acme.test")).out).toContain(
      "owner@acme.test already owns it.",
    );
    const listed = await admin("user", "list", "--tenant", "acme");
    expect(listed.out).toMatch(/owner@acme\.test\s+Owner\s+password\s+acme:OWNER/);
    expect((await admin("tenant", "list")).out).toMatch(/acme\s+Acme\s+1\s+0/);
  });

  it("refuses a clashing slug, bad arguments (exit 2, one line) and unknown tenants (exit 1)", async () => {
    await admin("tenant", "create", "--name", "Acme", "--slug", "acme", "--owner", "owner@acme.test");
    expect(await admin("tenant", "create", "--name", "Other", "--slug", "acme", "--owner", "o@x.test")).toMatchObject({
      code: 1,
      err: 'failed: A tenant with the slug acme already exists (named "Acme").',
    });
    expect(await admin("tenant", "create", "--name", "Bad", "--slug", "Bad Slug", "--owner", "o@x.test")).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^--slug may only hold/),
    });
    expect(await admin("user", "invite", "--tenant", "acme", "--email", "not-an-email")).toMatchObject({
      code: 2,
      err: "--email must be an email address",
    });
    expect(await admin("user", "invite", "--tenant", "acme", "--email", "a@x.test", "--role", "KING")).toMatchObject({
      code: 2,
      err: "--role must be one of MEMBER, ADMIN, OWNER",
    });
    expect(await admin("user", "invite", "--tenant", "nope", "--email", "a@x.test")).toMatchObject({
      code: 1,
      err: "failed: The tenant nope was not found.",
    });
    expect((await admin("tenant", "create", "--name", "X")).code).toBe(2);
    expect(await database.db.tenant.count()).toBe(1);
  });

  it("invites with a role, renames, and prints a reset link that works once", async () => {
    await admin("tenant", "create", "--name", "Acme", "--slug", "acme", "--owner", "owner@acme.test");
    const invited = await admin("user", "invite", "--tenant", "acme", "--email", "ada@acme.test", "--role", "admin");
    expect(invited.out).toContain("to Acme as ADMIN");
    const link = /http:\/\/localhost:3000\/invite\/\S+/.exec(invited.out)?.[0] ?? "";
    await acceptInvitation(database.db, tokenOf(link), { kind: "new-account", name: "Ada", password: "a long new password" });

    expect((await admin("tenant", "rename", "--slug", "acme", "--name", "Acme Corp")).out).toBe("Renamed acme: Acme → Acme Corp.");
    const reset = await admin("user", "reset-password", "--email", "ADA@acme.test");
    expect(reset.code).toBe(0);
    const resetLink = /http:\/\/localhost:3000\/reset-password\/\S+/.exec(reset.out)?.[0] ?? "";
    await resetPassword(database.db, tokenOf(resetLink), "another long password");
    await expect(resetPassword(database.db, tokenOf(resetLink), "a third long password")).rejects.toMatchObject({ code: "conflict" });
    expect(await admin("user", "reset-password", "--email", "nobody@acme.test")).toMatchObject({
      code: 1,
      err: "failed: An account for nobody@acme.test was not found.",
    });
  });

  it("deletes a tenant only with --yes, revoking its HubSpot grant first, and keeps other tenants", async () => {
    await admin("tenant", "create", "--name", "Acme", "--slug", "acme", "--owner", "owner@acme.test");
    await admin("tenant", "create", "--name", "Globex", "--slug", "globex", "--owner", "owner@globex.test");
    const acme = await database.db.tenant.findUniqueOrThrow({ where: { slug: "acme" } });
    const owner = await seedPerson(database.db, acme.id, { role: "OWNER", email: "owner@acme.test", password: null });
    await connectPortal({ db: database.db, tenant: acme }, { actor: owner.actor });
    await fetch(`${sim.url}/_sim/requests`, { method: "DELETE" });

    expect(await admin("tenant", "delete", "--slug", "acme")).toMatchObject({ code: 2, err: expect.stringContaining("add --yes") });
    expect(await database.db.tenant.count()).toBe(2);

    const deleted = await admin("tenant", "delete", "--slug", "acme", "--yes");
    expect(deleted.code).toBe(0);
    expect(deleted.out).toContain("Revoked HubSpot portal 62515.");
    const requests = JSON.stringify(await (await fetch(`${sim.url}/_sim/requests`)).json());
    expect(requests).toContain("revoke");
    expect(await database.db.tenant.findMany({ select: { slug: true } })).toEqual([{ slug: "globex" }]);
    expect(await database.db.connection.count()).toBe(0);
    expect(await database.db.invitation.count({ where: { tenantId: acme.id } })).toBe(0);
    expect(await database.db.user.count({ where: { email: "owner@acme.test" } })).toBe(1);
    expect((await admin("tenant", "delete", "--slug", "acme", "--yes")).code).toBe(1);
  });
});

describe("the admin process", () => {
  const run = (...args: string[]) =>
    spawnSync("npm", ["run", "-s", "admin", "--", ...args], { encoding: "utf8", env: { ...process.env, LOG_LEVEL: "error" } });

  it("prints help for every group and exits 0", () => {
    const help = run("tenant", "--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/create \[options\][\s\S]*list[\s\S]*rename \[options\][\s\S]*delete \[options\]/);
  });

  it("exits 2 with one line for a missing option and for an unknown command", () => {
    const missing = run("user", "invite", "--email", "a@b.test");
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toBe("error: required option '--tenant <slug>' not specified");
    expect(run("frobnicate").status).toBe(2);
  });
});
