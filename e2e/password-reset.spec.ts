// "Forgot password?" end to end: the same answer for any address, the link from the mail sets a new
// password once, and a signed-in person changes theirs. Uses its own account, so the seeded users'
// saved sessions stay valid for the other specs.
import { hashPassword } from "@switchboard/lib/auth/password";
import { test, expect, expectNoAxeViolations, signInThroughForm } from "./fixtures";
import { linkIn, waitForMail } from "./fixtures/mailbox";

test("a forgotten password is reset from the mailed link, then changed while signed in", async ({ page, db, runtime }) => {
  const email = `forgetful-${Date.now()}@contoso.test`;
  const contoso = await db.tenant.findUniqueOrThrow({ where: { slug: "contoso" } });
  const user = await db.user.create({ data: { email, name: "Forgetful", passwordHash: await hashPassword("the old password") } });
  await db.membership.create({ data: { userId: user.id, tenantId: contoso.id, role: "MEMBER" } });

  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Email").fill("nobody-here@contoso.test");
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  const unknownAnswer = await page.getByTestId("reset-requested").textContent();

  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByTestId("reset-requested")).toBeVisible();
  expect((await page.getByTestId("reset-requested").textContent())?.replace(email, "X")).toBe(
    unknownAnswer?.replace("nobody-here@contoso.test", "X"),
  );
  await expectNoAxeViolations(page);

  const link = linkIn(await waitForMail(email), `${runtime.appUrl}/reset-password/`);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("New password", { exact: true }).fill("short");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill("the new password");
  await page.getByLabel("Repeat the new password").fill("the new password");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page).toHaveURL(/\/login\?notice=password-reset$/);
  await expect(page.getByTestId("login-notice")).toBeVisible();

  await signInThroughForm(page, email, "the old password");
  await expect(page.getByTestId("login-error")).toBeVisible();
  await signInThroughForm(page, email, "the new password");
  await expect(page).toHaveURL(/\/t\/contoso\/integrations$/);

  // The link is spent.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This reset link was already used" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto("/t/contoso/integrations");
  await page.getByTestId("user-menu").locator("summary").click();
  await page.getByRole("link", { name: "Change password" }).click();
  await expect(page.getByRole("heading", { name: "Change your password" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Current password").fill("not it at all");
  await page.getByLabel("New password", { exact: true }).fill("the newest password");
  await page.getByLabel("Repeat the new password").fill("the newest password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That is not your current password.")).toBeVisible();
  await page.getByLabel("Current password").fill("the new password");
  await page.getByLabel("New password", { exact: true }).fill("the newest password");
  await page.getByLabel("Repeat the new password").fill("the newest password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("password-changed")).toBeVisible();
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(2);
});

test("change password stops answering guesses of the current password, like sign-in", async ({ page, db }) => {
  const email = `guessed-${Date.now()}@contoso.test`;
  const contoso = await db.tenant.findUniqueOrThrow({ where: { slug: "contoso" } });
  const user = await db.user.create({ data: { email, name: "Guessed", passwordHash: await hashPassword("the real password") } });
  await db.membership.create({ data: { userId: user.id, tenantId: contoso.id, role: "MEMBER" } });
  await signInThroughForm(page, email, "the real password");
  await expect(page).toHaveURL(/\/t\/contoso\/integrations$/);

  await page.goto("/account/password");
  // Each guess waits for its own answer: React resets the form when an answer arrives, so typing the
  // next guess before the previous one is answered would be wiped and sent empty.
  const submit = page.getByRole("button", { name: "Change password" });
  const attempt = async (current: string) => {
    await page.getByLabel("Current password").fill(current);
    await page.getByLabel("New password", { exact: true }).fill("a stolen new password");
    await page.getByLabel("Repeat the new password").fill("a stolen new password");
    await Promise.all([
      page.waitForResponse(
        (response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/account/password",
      ),
      submit.click(),
    ]);
    await expect(submit).toBeEnabled();
  };

  // Five free mistakes, then the sixth locks: the seventh guess is not answered.
  for (let guess = 0; guess < 6; guess++) {
    await attempt(`wrong guess ${guess}`);
    await expect(page.getByText("That is not your current password.")).toBeVisible();
  }
  await attempt("wrong guess 6");
  await expect(page.getByText("Too many failed attempts. Please wait a few minutes and try again.")).toBeVisible();
  // Not even the right password gets through while the lock lasts.
  await attempt("the real password");
  await expect(page.getByText("Too many failed attempts. Please wait a few minutes and try again.")).toBeVisible();
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(0);
});
