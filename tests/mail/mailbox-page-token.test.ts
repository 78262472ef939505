// The local mailbox page (/dev/mailbox) shows reset and invitation links, so it opens only with the
// token the demo prints: without it, or with a wrong one, it is the 404 every unknown page is.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeToMailbox } from "@switchboard/lib/mail/local-mailbox";
import { isMailboxToken, mailboxLink, mailboxToken } from "@switchboard/lib/mail/mailbox-token";
import { configureApp } from "@/tests/helpers/app-env";

const mailboxDir = mkdtempSync(join(tmpdir(), "switchboard-mailbox-page-"));
let MailboxPage: typeof import("@/app/dev/mailbox/page").default;
let authSecret: string;

beforeAll(async () => {
  // What the demo runs with: no SMTP_URL, so mail is kept locally and the page exists.
  configureApp("file:./.data/unused-by-mailbox-test.db", { DEMO_MODE: "true", MAILBOX_DIR: mailboxDir });
  authSecret = process.env.AUTH_SECRET as string;
  await writeToMailbox(
    mailboxDir,
    "To: someone@example.com\r\nSubject: Reset your password\r\n\r\nhttp://localhost:3000/reset-password/secret-reset-link\r\n",
  );
  MailboxPage = (await import("@/app/dev/mailbox/page")).default;
});

afterAll(() => rmSync(mailboxDir, { recursive: true, force: true }));

const open = async (query: Record<string, string | string[] | undefined>) =>
  renderToStaticMarkup(await MailboxPage({ searchParams: Promise.resolve(query) }));

/** notFound() throws Next's 404 signal; that is what the visitor gets. */
async function expectNotFound(query: Record<string, string | string[] | undefined>): Promise<void> {
  await expect(open(query)).rejects.toMatchObject({ digest: expect.stringMatching(/404/) });
}

describe("/dev/mailbox", () => {
  it("is a 404 without the token, with a wrong one, or with it given twice", async () => {
    await expectNotFound({});
    await expectNotFound({ token: "" });
    await expectNotFound({ token: "not-the-token" });
    await expectNotFound({ token: mailboxToken("another data dir's secret-0123456789abcdef") });
    await expectNotFound({ token: [mailboxToken(authSecret), mailboxToken(authSecret)] });
  });

  it("shows the mail with the token the demo prints", async () => {
    const token = new URL(mailboxLink("http://localhost:3000", authSecret)).searchParams.get("token") ?? "";
    const html = await open({ token });
    expect(html).toContain("Reset your password");
    expect(html).toContain("secret-reset-link");
  });

  it("derives a token per secret that does not reveal the secret", () => {
    expect(mailboxToken(authSecret)).not.toBe(mailboxToken(`${authSecret}x`));
    expect(mailboxToken(authSecret)).not.toContain(authSecret);
    expect(isMailboxToken(mailboxToken(authSecret), authSecret)).toBe(true);
    expect(isMailboxToken(mailboxToken(authSecret).slice(1), authSecret)).toBe(false);
  });
});
