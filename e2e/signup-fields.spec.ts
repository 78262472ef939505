// Optional form fields in a real browser and the running app: the admin maps the form's Company
// field to HubSpot's `company` property on the Signups page, a visitor subscribes with a company on
// the public form, and the contact the sync creates in the simulator carries it.
import type { Page } from "@playwright/test";
import type { Db } from "@switchboard/lib/db/create-client";
import { test, expect, expectNoAxeViolations } from "./fixtures";

const PORTAL = 62515;
const uniqueEmail = (label: string) => `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;

async function ensureConnected(adminPage: Page, db: Db): Promise<void> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: "contoso" }, select: { id: true } });
  if (await db.connection.count({ where: { tenantId: tenant.id, portalId: String(PORTAL), status: { not: "NEEDS_RECONNECT" } } })) return;
  await adminPage.goto("/t/contoso/integrations");
  await adminPage
    .getByRole("button", { name: /^Connect (HubSpot|another portal)$/ })
    .first()
    .click();
  await adminPage.getByRole("radio", { name: new RegExp(`Hub ID ${PORTAL}\\b`) }).check();
  await adminPage.getByRole("button", { name: "Grant access" }).click();
  await expect(adminPage).toHaveURL(/\/t\/contoso\/integrations/);
}

type SimContacts = { results: { properties: Record<string, string> }[] };

test.describe("form fields mapped to contact properties", () => {
  test("the admin maps Company to company; a visitor's company reaches the contact in HubSpot", async ({
    adminPage,
    page,
    db,
    simulator,
  }) => {
    test.setTimeout(120_000);
    await ensureConnected(adminPage, db);
    try {
      await adminPage.goto("/t/contoso/signups");
      const company = adminPage.getByLabel("Company (at most 200 characters)");
      // Read-only properties are not offered at all.
      await expect(company.locator('option[value="hs_marketable_status"]')).toHaveCount(0);
      await company.selectOption("company");
      await adminPage.getByRole("button", { name: "Save form fields" }).click();
      await expect(adminPage.getByText("Form fields saved.")).toBeVisible();
      await expectNoAxeViolations(adminPage);

      const email = uniqueEmail("form-fields");
      await page.goto("/subscribe/contoso");
      await page.getByLabel("Email address").fill(email);
      await page.getByLabel("Company").fill("Analytical Engines");
      await page.getByRole("checkbox").check();
      await page.getByRole("button", { name: "Subscribe" }).click();
      await expect(page.getByTestId("signup-thanks")).toBeVisible();

      await expect
        .poll(
          async () => {
            const { results } = (await simulator.contacts(PORTAL)) as SimContacts;
            return results.find((contact) => contact.properties.email === email)?.properties.company ?? null;
          },
          { timeout: 45_000 },
        )
        .toBe("Analytical Engines");
      expect(await db.signup.findFirstOrThrow({ where: { emailNormalized: email }, select: { company: true, status: true } })).toEqual({
        company: "Analytical Engines",
        status: "SYNCED",
      });
    } finally {
      // Other specs expect Contoso's plain form.
      await db.tenant.update({ where: { slug: "contoso" }, data: { signupFields: null } });
    }
  });
});
