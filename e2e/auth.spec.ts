// Sign-in, tenancy boundaries and sign-out, seen through the browser.
import { hashPassword } from "@switchboard/lib/auth/password";
import { test, expect, expectNoAxeViolations, seededUsers, signInThroughForm, signOutThroughMenu } from "./fixtures";

const GENERIC_FAILURE = "The email or password is incorrect.";

test.describe("sign-in", () => {
  test("a wrong password and an unknown email get the same generic message", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("heading", { name: "Sign in to your dashboard" })).toBeVisible();
    await expectNoAxeViolations(page);

    await signInThroughForm(page, seededUsers.contosoAdmin.email, "not-the-password");
    await expect(page.getByTestId("login-error")).toHaveText(GENERIC_FAILURE);
    await expect(page).toHaveURL(/\/login/);
    await expectNoAxeViolations(page);

    await signInThroughForm(page, "nobody@contoso.test", "not-the-password");
    await expect(page.getByTestId("login-error")).toHaveText(GENERIC_FAILURE);
  });

  test("repeated failures for one email are slowed down with a clear message", async ({ page }) => {
    const email = `guess-target-${Date.now()}@contoso.test`;
    // Five free tries, the sixth failure locks the email; the next attempt is refused outright.
    for (let attempt = 1; attempt <= 6; attempt++) {
      await signInThroughForm(page, email, `guess-${attempt}`);
      await expect(page.getByTestId("login-error")).toHaveText(GENERIC_FAILURE);
    }
    await signInThroughForm(page, email, "guess-7");
    await expect(page.getByTestId("login-error")).toContainText("Too many failed sign-in attempts");
    await expectNoAxeViolations(page);
  });

  test("an empty form explains what is missing, per field", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter your email address.")).toBeVisible();
    await expect(page.getByText("Enter your password.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page);
  });

  test("a Contoso admin lands on Contoso's integrations, is kept out of Fabrikam, and signs out", async ({ page, db }) => {
    // An admin of its own: signing out ends every session of the user, the fixtures' saved ones too.
    const email = `contoso-admin-${Date.now()}@contoso.test`;
    const user = await db.user.create({
      data: { email, name: "Contoso Admin", passwordHash: await hashPassword("contoso-admin-password") },
    });
    const contoso = await db.tenant.findUniqueOrThrow({ where: { slug: "contoso" } });
    await db.membership.create({ data: { userId: user.id, tenantId: contoso.id, role: "ADMIN" } });
    await signInThroughForm(page, email, "contoso-admin-password");
    await expect(page).toHaveURL(/\/t\/contoso\/integrations$/);
    await expect(page.getByRole("banner")).toContainText("Contoso");
    await expect(page.getByRole("navigation", { name: "Tenant sections" }).getByRole("link", { name: "Integrations" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await expectNoAxeViolations(page);

    const response = await page.goto("/t/fabrikam/integrations");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText("Fabrikam")).toHaveCount(0);
    await expectNoAxeViolations(page);

    await page.goto("/t/contoso/integrations");
    await signOutThroughMenu(page);
    await expectNoAxeViolations(page);

    await page.goto("/t/contoso/integrations");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Ft%2Fcontoso%2Fintegrations$/);
  });

  test("after signing in from a deep link the user returns to it", async ({ page }) => {
    await page.goto("/t/contoso/signups");
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    await page.getByLabel("Email").fill(seededUsers.contosoAdmin.email);
    await page.getByLabel("Password").fill(process.env.SEED_PASSWORD?.trim() || "switchboard-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/t\/contoso\/signups$/);
  });
});

test.describe("tenancy", () => {
  test("a Contoso member sees Contoso but not Fabrikam", async ({ memberPage }) => {
    await memberPage.goto("/");
    await expect(memberPage).toHaveURL(/\/t\/contoso\/integrations$/);
    await expect(memberPage.getByRole("main")).toBeVisible();
    await expectNoAxeViolations(memberPage);

    const response = await memberPage.goto("/t/fabrikam/integrations");
    expect(response?.status()).toBe(404);
  });

  test("the Fabrikam admin cannot open Contoso, nor an unknown tenant", async ({ fabrikamAdminPage }) => {
    for (const path of ["/t/contoso/integrations", "/t/no-such-tenant/integrations"]) {
      const response = await fabrikamAdminPage.goto(path);
      expect(response?.status()).toBe(404);
    }
    await fabrikamAdminPage.goto("/t/fabrikam/integrations");
    await expect(fabrikamAdminPage.getByRole("banner")).toContainText("Fabrikam");
  });

  test("a user of two tenants switches between them", async ({ page, db }) => {
    const email = `consultant-${Date.now()}@switchboard.test`;
    const user = await db.user.create({ data: { email, name: "Consultant", passwordHash: await hashPassword("consultant-password") } });
    for (const slug of ["contoso", "fabrikam"]) {
      const tenant = await db.tenant.findUniqueOrThrow({ where: { slug } });
      await db.membership.create({ data: { userId: user.id, tenantId: tenant.id, role: "ADMIN" } });
    }

    await signInThroughForm(page, email, "consultant-password");
    await expect(page).toHaveURL(/\/t\/contoso\/integrations$/);
    const switcher = page.getByTestId("tenant-switcher");
    await switcher.locator("summary").click();
    await expectNoAxeViolations(page);
    await switcher.getByRole("link", { name: "Fabrikam" }).click();
    await expect(page).toHaveURL(/\/t\/fabrikam\/integrations$/);
    await expect(page.getByTestId("tenant-switcher").locator("summary")).toContainText("Fabrikam");
  });

  test("the health endpoint reports the database", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });

  test("search engines are kept out of the dashboard and APIs, and pages name their icon", async ({ page, request }) => {
    const robots = await request.get("/robots.txt");
    expect(robots.status()).toBe(200);
    expect(await robots.text()).toMatch(/Disallow: \/t\/[\s\S]*Disallow: \/api\//);
    await page.goto("/login");
    const icon = await page.locator('link[rel="icon"]').getAttribute("href");
    expect(icon).toBe("/favicon.svg");
    expect((await request.get(icon ?? "")).headers()["content-type"]).toContain("image/svg+xml");
  });
});
