// Newsletter signups in a real browser: a visitor subscribes on /subscribe/contoso (with and
// without JavaScript), the admin watches it turn Synced with a contact id the simulator holds,
// and with HubSpot disconnected a signup waits as Pending until the admin connects again.
import type { Page } from "@playwright/test";
import { connectThroughConsent, ensureContosoConnected, uniqueEmail, DEMO_PORTAL } from "./fixtures/contoso";
import { test, expect, expectNoAxeViolations } from "./fixtures";

const PORTAL = DEMO_PORTAL;

async function subscribe(page: Page, email: string, firstName = "Vera"): Promise<void> {
  await page.goto("/subscribe/contoso");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("First name").fill(firstName);
  await page.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByTestId("signup-thanks")).toBeVisible();
}

function signupRow(page: Page, email: string) {
  return page.locator(`[data-testid="signup-row"][data-email="${email}"]`);
}

test.describe("newsletter signups", () => {
  test("a visitor subscribes, sees per-field errors first, and the page is accessible", async ({ page, db }) => {
    await page.goto("/subscribe/contoso");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("newsletter");
    await expectNoAxeViolations(page);
    await page.getByLabel("Email address").fill("not-an-email");
    await page.getByRole("button", { name: "Subscribe" }).click();
    await expect(page.locator("#email-error")).toContainText("valid email");
    await expect(page.locator("#consent-error")).toBeVisible();
    await expectNoAxeViolations(page);

    const email = uniqueEmail("visitor");
    await subscribe(page, email);
    await expectNoAxeViolations(page);
    const row = await db.signup.findFirst({ where: { emailNormalized: email } });
    expect(row?.firstName).toBe("Vera");
  });

  test("the form works without JavaScript", async ({ browser, db }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const email = uniqueEmail("nojs");
    await subscribe(page, email, "Noel");
    // axe needs JavaScript in the page; the same markup is checked in the test above.
    expect(await db.signup.count({ where: { emailNormalized: email } })).toBe(1);
    await context.close();
  });

  test("an unknown tenant's form is a 404", async ({ page }) => {
    const response = await page.goto("/subscribe/no-such-tenant");
    expect(response?.status()).toBe(404);
  });

  test("the admin sees a signup turn Synced with a contact id that exists in HubSpot", async ({ adminPage, page, simulator, db }) => {
    await ensureContosoConnected(adminPage, db);
    const email = uniqueEmail("synced");
    await subscribe(page, email);
    await adminPage.goto("/t/contoso/signups");
    const row = signupRow(adminPage, email);
    await expect(row.getByTestId("signup-status")).toHaveText("Synced", { timeout: 20_000 });
    const contactId = (await row.getByTestId("signup-contact").textContent())?.trim() ?? "";
    expect(contactId).toMatch(/^\d+$/);
    const contacts = (await simulator.contacts(PORTAL)) as { results: { id: string; properties: { email?: string } }[] };
    expect(contacts.results.find((contact) => contact.id === contactId)?.properties.email).toBe(email);
    await expectNoAxeViolations(adminPage);
  });

  test("an address HubSpot rejects shows as Failed with the reason, and admins can retry it", async ({
    adminPage,
    memberPage,
    page,
    simulator,
    db,
  }) => {
    await ensureContosoConnected(adminPage, db);
    // Valid for our form, but HubSpot refuses a domain label ending in "-" (INVALID_EMAIL).
    const email = `odd-${Date.now()}@example-.com`;
    await subscribe(page, email);
    await adminPage.goto("/t/contoso/signups");
    const row = signupRow(adminPage, email);
    await expect(row.getByTestId("signup-status")).toHaveText("Failed", { timeout: 20_000 });
    await expect(row.getByTestId("signup-error")).toContainText("is invalid");
    await expectNoAxeViolations(adminPage);

    await memberPage.goto("/t/contoso/signups");
    await expect(signupRow(memberPage, email).getByTestId("signup-status")).toHaveText("Failed");
    await expect(memberPage.getByRole("button", { name: /Retry/ })).toHaveCount(0);
    await expect(memberPage.getByRole("heading", { name: "Form settings" })).toHaveCount(0);

    await simulator.clearRequests();
    await row.getByRole("button", { name: `Retry ${email}` }).click();
    // Retried: HubSpot is asked again (it refuses the batch: 400, or a 207 naming this contact), and it fails again.
    await expect
      .poll(
        async () => {
          const { requests } = (await simulator.requests()) as { requests: { path: string; status: number | null }[] };
          return requests.some((request) => request.path.endsWith("/batch/upsert") && (request.status === 400 || request.status === 207));
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    await expect(row.getByTestId("signup-status")).toHaveText("Failed", { timeout: 20_000 });
    expect((await db.signup.findFirstOrThrow({ where: { emailNormalized: email } })).attempts).toBe(1);
  });

  test("a tenant's own website signs a visitor up through the public API (CORS in a real browser) and it syncs", async ({
    adminPage,
    page,
    runtime,
    db,
  }) => {
    await ensureContosoConnected(adminPage, db);
    // The simulator's address stands in for the tenant's website: a different origin than the app.
    const siteOrigin = new URL(runtime.simulatorUrl).origin;
    await page.goto(`${siteOrigin}/_sim/secret-fingerprints`);
    const subscribeFromSite = (email: string) =>
      page.evaluate(
        async ({ url, email }) => {
          try {
            const response = await fetch(url, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ email, firstName: "Web", consent: true }),
            });
            return { status: response.status, body: (await response.json()) as { id?: string } };
          } catch {
            return { status: 0, body: {} }; // the browser refused: CORS
          }
        },
        { url: `${runtime.appUrl}/api/subscribe/contoso`, email },
      );

    const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: "contoso" }, select: { allowedOrigins: true } });
    const refusedEmail = uniqueEmail("refused-site");
    expect((await subscribeFromSite(refusedEmail)).status).toBe(0);
    expect(await db.signup.count({ where: { emailNormalized: refusedEmail } })).toBe(0);

    await db.tenant.update({ where: { slug: "contoso" }, data: { allowedOrigins: `${tenant.allowedOrigins}\n${siteOrigin}` } });
    try {
      const email = uniqueEmail("from-site");
      // The server remembers a tenant's settings for two seconds.
      let id: string | undefined;
      await expect
        .poll(
          async () => {
            const answer = await subscribeFromSite(email);
            id = answer.body.id;
            return answer.status;
          },
          { timeout: 10_000 },
        )
        .toBe(202);
      expect((await db.signup.findUniqueOrThrow({ where: { id } })).emailNormalized).toBe(email);
      await adminPage.goto("/t/contoso/signups");
      await expect(signupRow(adminPage, email).getByTestId("signup-status")).toHaveText("Synced", { timeout: 20_000 });
    } finally {
      await db.tenant.update({ where: { slug: "contoso" }, data: { allowedOrigins: tenant.allowedOrigins } });
    }
  });

  test("with HubSpot disconnected a signup waits as Pending and syncs after connecting again", async ({
    adminPage,
    page,
    simulator,
    db,
  }) => {
    await ensureContosoConnected(adminPage, db);
    await adminPage.goto("/t/contoso/integrations");
    // Disconnect every card, so the tenant truly has nowhere to send signups.
    while ((await adminPage.getByRole("button", { name: "Disconnect", exact: true }).count()) > 0) {
      await adminPage.getByRole("button", { name: "Disconnect", exact: true }).first().click();
      await adminPage.getByRole("button", { name: "Yes, disconnect" }).click();
      await adminPage.waitForLoadState("networkidle");
    }

    const email = uniqueEmail("waiting");
    await subscribe(page, email);
    await adminPage.goto("/t/contoso/signups");
    await expect(adminPage.getByTestId("destination-banner")).toContainText("not connected");
    await expect(signupRow(adminPage, email).getByTestId("signup-status")).toHaveText("Pending");
    await expectNoAxeViolations(adminPage);
    // Several sync rounds pass (the in-process worker polls every 500 ms): still Pending, nothing sent.
    await adminPage.waitForTimeout(3_000);
    await expect(signupRow(adminPage, email).getByTestId("signup-status")).toHaveText("Pending");
    const before = (await simulator.contacts(PORTAL)) as { results: { properties: { email?: string } }[] };
    expect(before.results.some((contact) => contact.properties.email === email)).toBe(false);

    await connectThroughConsent(adminPage);
    await adminPage.goto("/t/contoso/signups");
    await expect(signupRow(adminPage, email).getByTestId("signup-status")).toHaveText("Synced", { timeout: 20_000 });
    const after = (await simulator.contacts(PORTAL)) as { results: { properties: { email?: string } }[] };
    expect(after.results.filter((contact) => contact.properties.email === email)).toHaveLength(1);
  });
});
