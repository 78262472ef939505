// Optional form fields in a real browser and the running app: the admin maps the form's Company
// field to HubSpot's `company` property on the Signups page, a visitor subscribes with a company on
// the public form, and the contact the sync creates in the simulator carries it.
import { ensureContosoConnected, uniqueEmail, DEMO_PORTAL } from "./fixtures/contoso";
import { test, expect, expectNoAxeViolations } from "./fixtures";

const PORTAL = DEMO_PORTAL;

type SimContacts = { results: { properties: Record<string, string> }[] };

test.describe("form fields mapped to contact properties", () => {
  test("the admin maps Company to company; a visitor's company reaches the contact in HubSpot", async ({
    adminPage,
    page,
    db,
    simulator,
  }) => {
    test.setTimeout(120_000);
    await ensureContosoConnected(adminPage, db);
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
      // The outcome is written once HubSpot's answer is in: moments after the contact exists there.
      await expect
        .poll(() => db.signup.findFirstOrThrow({ where: { emailNormalized: email }, select: { company: true, status: true } }))
        .toEqual({ company: "Analytical Engines", status: "SYNCED" });
    } finally {
      // Other specs expect Contoso's plain form.
      await db.tenant.update({ where: { slug: "contoso" }, data: { signupFields: null } });
    }
  });
});
