// Mail goes out through nodemailer over real SMTP (an smtp-server started here) or, without
// SMTP_URL in development, into the local mailbox; either way the link inside can be read back.
import { mkdtempSync, rmSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer } from "@switchboard/lib/mail/mailer";
import { listMailbox } from "@switchboard/lib/mail/local-mailbox";
import { invitationMail } from "@switchboard/lib/mail/templates/invitation-mail";
import { passwordResetMail } from "@switchboard/lib/mail/templates/password-reset-mail";
import { linkIn, startSmtpCatcher, type SmtpCatcher } from "@/scripts/lib/smtp-catcher";

const acceptUrl = `http://localhost:3000/invite/${"A".repeat(43)}`;
const invitation = () =>
  invitationMail({
    productName: "Switchboard",
    tenantName: "Acme <Corp>",
    role: "ADMIN",
    inviterLabel: "Ann (ann@acme.test)",
    acceptUrl,
    expiresAt: new Date("2026-12-08T00:00:00Z"),
  });

describe("sending mail over SMTP", () => {
  let catcher: SmtpCatcher;
  beforeAll(async () => {
    catcher = await startSmtpCatcher();
  });
  afterAll(async () => catcher?.close());

  it("delivers subject, text and html, and the link reads back intact", async () => {
    const mailer = createMailer({ from: "Switchboard <no-reply@switchboard.test>", smtpUrl: catcher.url });
    expect(await mailer.send("bob@acme.test", invitation())).toEqual({ delivered: true, via: "smtp" });
    const mail = await catcher.waitForMail("bob@acme.test");
    expect(mail.subject).toBe("You're invited to Acme <Corp> on Switchboard");
    expect(mail.from).toContain("no-reply@switchboard.test");
    expect(linkIn(mail, "http://localhost:3000/invite/")).toBe(acceptUrl);
    // The HTML body escapes what tenants and people name themselves.
    expect(mail.html).toContain("Acme &lt;Corp&gt;");
    expect(mail.html).toContain(`href="${acceptUrl}"`);
  });

  it("reports a failure instead of throwing when the server is unreachable", async () => {
    const mailer = createMailer({ from: "x@switchboard.test", smtpUrl: "smtp://127.0.0.1:1" });
    expect(await mailer.send("bob@acme.test", passwordResetMail({ productName: "Switchboard", resetUrl: "http://x/reset/y" }))).toEqual({
      delivered: false,
      reason: "failed",
    });
  });

  it("reports 'not configured' when there is neither SMTP nor a mailbox", async () => {
    const mailer = createMailer({ from: "x@switchboard.test" });
    expect(await mailer.send("bob@acme.test", invitation())).toEqual({ delivered: false, reason: "not_configured" });
  });
});

describe("the local mailbox", () => {
  const dir = mkdtempSync(join(tmpdir(), "switchboard-mailbox-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps each message as a private file and lists the newest first", async () => {
    const mailer = createMailer({ from: "x@switchboard.test", mailboxDir: dir });
    expect(await mailer.send("first@acme.test", invitation())).toEqual({ delivered: true, via: "mailbox" });
    await mailer.send(
      "second@acme.test",
      passwordResetMail({ productName: "Switchboard", resetUrl: "http://localhost:3000/reset-password/abc" }),
    );
    const files = readdirSync(dir);
    expect(files).toHaveLength(2);
    expect(statSync(join(dir, files[0]!)).mode & 0o077).toBe(0);
    const [newest, older] = await listMailbox(dir);
    expect(newest?.to).toContain("second@acme.test");
    expect(newest?.subject).toBe("Reset your Switchboard password");
    expect(linkIn(newest!, "http://localhost:3000/reset-password/")).toBe("http://localhost:3000/reset-password/abc");
    expect(linkIn(older!, "http://localhost:3000/invite/")).toBe(acceptUrl);
  });

  it("reads an absent folder as empty", async () => {
    expect(await listMailbox(join(dir, "missing"))).toEqual([]);
  });
});
