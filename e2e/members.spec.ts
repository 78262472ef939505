// Members and invitations through the browser: an owner invites a colleague, the colleague accepts
// from the mail and lands on the tenant; role rules hold; a member sees the list without actions.
import { test, expect, expectNoAxeViolations } from "./fixtures";
import { linkIn, waitForMail } from "./fixtures/mailbox";

test.describe("members", () => {
  test("an owner invites a colleague, who accepts from the mail and lands on the tenant", async ({ adminPage, browser, runtime }) => {
    const email = `colleague-${Date.now()}@contoso.test`;
    await adminPage.goto("/t/contoso/members");
    await expect(adminPage.getByRole("heading", { name: "Members" })).toBeVisible();
    await expectNoAxeViolations(adminPage);

    // Bad input is answered per field.
    await adminPage.getByLabel("Email", { exact: true }).fill("not-an-email");
    await adminPage.getByRole("button", { name: "Send invitation" }).click();
    await expect(adminPage.getByText("Enter a valid email address.")).toBeVisible();

    await adminPage.getByLabel("Email", { exact: true }).fill(email);
    await adminPage.getByLabel("Role", { exact: true }).selectOption("ADMIN");
    await adminPage.getByRole("button", { name: "Send invitation" }).click();
    await expect(adminPage.getByTestId("invite-status")).toHaveText(`Invitation sent to ${email}.`);
    await expect(adminPage.locator(`[data-testid="invitation-row"][data-email="${email}"]`)).toBeVisible();
    await expect(adminPage.getByTestId("people-activity")).toContainText(`Invited ${email} as ADMIN`);

    const mail = await waitForMail(email);
    expect(mail.subject).toBe("You're invited to Contoso on Switchboard");
    const link = linkIn(mail, `${runtime.appUrl}/invite/`);

    const context = await browser.newContext();
    const colleague = await context.newPage();
    await colleague.goto(link);
    await expect(colleague.getByRole("heading", { name: "Join Contoso" })).toBeVisible();
    await expectNoAxeViolations(colleague);
    await colleague.getByLabel("Your name").fill("Cole League");
    await colleague.getByLabel("Choose a password").fill("colleague password 1");
    await colleague.getByLabel("Repeat the password").fill("colleague password 2");
    await colleague.getByRole("button", { name: "Create account and join" }).click();
    await expect(colleague.getByText("The passwords do not match.")).toBeVisible();
    await expectNoAxeViolations(colleague);
    await colleague.getByLabel("Choose a password").fill("colleague password 1");
    await colleague.getByLabel("Repeat the password").fill("colleague password 1");
    await colleague.getByRole("button", { name: "Create account and join" }).click();
    await expect(colleague).toHaveURL(/\/t\/contoso\/integrations$/);
    await expect(colleague.getByRole("banner")).toContainText("Contoso");

    // The link is spent: a clear page, nothing changes.
    await colleague.goto(link);
    await expect(colleague.getByRole("heading", { name: "This invitation was already used" })).toBeVisible();
    await expectNoAxeViolations(colleague);
    await context.close();

    await adminPage.reload();
    const row = adminPage.locator(`[data-testid="member-row"][data-email="${email}"]`);
    await expect(row).toContainText("Cole League");
    await expect(row.getByLabel(`Role of ${email}`)).toHaveValue("ADMIN");
    await expect(adminPage.locator(`[data-testid="invitation-row"][data-email="${email}"]`)).toHaveCount(0);
    await expect(adminPage.getByTestId("people-activity")).toContainText(`${email} accepted the invitation and joined as ADMIN`);

    // Role change, then removal, each audited.
    await row.getByLabel(`Role of ${email}`).selectOption("MEMBER");
    await row.getByRole("button", { name: `Change role of ${email}` }).click();
    await expect(row.getByRole("status")).toHaveText(`${email} is now MEMBER.`);
    await row.getByRole("button", { name: `Remove ${email}` }).click();
    await expect(row).toHaveCount(0);
    await expect(adminPage.getByTestId("people-activity")).toContainText(`Removed ${email} (MEMBER)`);
  });

  test("the last owner can be neither demoted nor removed, and a revoked invitation shows a clear page", async ({ adminPage }) => {
    await adminPage.goto("/t/contoso/members");
    const own = adminPage.locator('[data-testid="member-row"][data-email="admin@contoso.test"]');
    await own.getByLabel("Role of admin@contoso.test").selectOption("ADMIN");
    await own.getByRole("button", { name: "Change role of admin@contoso.test" }).click();
    await expect(own.getByRole("status")).toHaveText("A tenant needs at least one owner: make someone else an owner first.");
    await adminPage.reload();
    await own.getByRole("button", { name: "Remove admin@contoso.test" }).click();
    await expect(own.getByRole("status")).toHaveText("A tenant needs at least one owner: make someone else an owner first.");
    await expect(own).toContainText("admin@contoso.test");

    const email = `revoked-${Date.now()}@contoso.test`;
    await adminPage.getByLabel("Email", { exact: true }).fill(email);
    await adminPage.getByRole("button", { name: "Send invitation" }).click();
    await expect(adminPage.getByTestId("invite-status")).toHaveText(`Invitation sent to ${email}.`);
    const link = linkIn(await waitForMail(email), "http");
    await adminPage.getByRole("button", { name: `Revoke the invitation of ${email}` }).click();
    await expect(adminPage.locator(`[data-testid="invitation-row"][data-email="${email}"]`)).toHaveCount(0);

    await adminPage.goto(link);
    await expect(adminPage.getByRole("heading", { name: "This invitation was withdrawn" })).toBeVisible();
    await adminPage.goto("/invite/not-a-real-token");
    await expect(adminPage.getByRole("heading", { name: "This invitation link is not valid" })).toBeVisible();
    await expectNoAxeViolations(adminPage);
  });

  test("a member sees who belongs, but no invitations and no member actions", async ({ memberPage }) => {
    await memberPage.goto("/t/contoso/members");
    await expect(memberPage.locator('[data-testid="member-row"][data-email="admin@contoso.test"]')).toContainText("Owner");
    await expect(memberPage.getByRole("link", { name: "Members" })).toHaveAttribute("aria-current", "page");
    await expect(memberPage.getByRole("button", { name: "Send invitation" })).toHaveCount(0);
    await expect(memberPage.getByRole("button", { name: /Change role|Remove|Revoke/ })).toHaveCount(0);
    await expect(memberPage.getByRole("heading", { name: "Pending invitations" })).toHaveCount(0);
    await expectNoAxeViolations(memberPage);
  });
});
