// The HubSpot side of consent in a real browser and the running app: the admin picks the
// newsletter's subscription type, a visitor subscribes and the contact is subscribed in the
// simulator with the legal basis and the exact consent text; an opt-out made in HubSpot comes back
// to the dashboard as Unsubscribed; a privacy deletion the simulator sends (signed, over HTTP to the
// app's webhook endpoint) turns the signup into an anonymous tombstone.
import type { Page } from "@playwright/test";
import { ensureContosoConnected, uniqueEmail, DEMO_PORTAL } from "./fixtures/contoso";
import { test, expect } from "./fixtures";

const PORTAL = DEMO_PORTAL;
const NEWSLETTER = 62515001;

const rowOf = (page: Page, email: string) => page.locator(`[data-testid="signup-row"][data-email="${email}"]`);

test.describe("newsletter consent in HubSpot", () => {
  test("subscribed with consent, opted out in HubSpot, erased on HubSpot's privacy deletion", async ({
    adminPage,
    page,
    runtime,
    db,
    simulator,
  }) => {
    // The opt-out poll runs once a minute: this journey waits for one round.
    test.setTimeout(180_000);
    await ensureContosoConnected(adminPage, db);
    const tenant = await db.tenant.findUniqueOrThrow({
      where: { slug: "contoso" },
      select: { id: true, consentText: true, doubleOptIn: true },
    });
    expect(tenant.doubleOptIn).toBe(false);

    await adminPage.goto("/t/contoso/signups");
    await adminPage.getByLabel("Newsletter subscription type").selectOption({ label: "Newsletter" });
    await adminPage.getByRole("button", { name: "Save subscription type" }).click();
    await expect(adminPage.getByText("Subscription type saved.")).toBeVisible();

    const email = uniqueEmail("consent-sync");
    await page.goto("/subscribe/contoso");
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("checkbox").check();
    await page.getByRole("button", { name: "Subscribe" }).click();

    await expect(async () => {
      await adminPage.reload();
      await expect(rowOf(adminPage, email).getByTestId("signup-subscription")).toHaveText("Subscribed in HubSpot", { timeout: 1_000 });
    }).toPass({ timeout: 45_000 });
    const inHubspot = (await simulator.call("GET", `/_sim/portals/${PORTAL}/subscription-statuses/${encodeURIComponent(email)}`)) as {
      statuses: { subscriptionId: number; status: string; legalBasis: string; legalBasisExplanation: string }[];
    };
    expect(inHubspot.statuses.find((status) => status.subscriptionId === NEWSLETTER)).toMatchObject({
      status: "SUBSCRIBED",
      legalBasis: "CONSENT_WITH_NOTICE",
      legalBasisExplanation: tenant.consentText,
    });

    // The connection card: what the consent side costs, and who is not a marketing contact (and why).
    await expect(async () => {
      await adminPage.goto("/t/contoso/integrations");
      const panel = adminPage.getByTestId("consent-panel").first();
      await expect(panel.getByTestId("calls-per-signup")).toContainText("HubSpot requests per new signup", { timeout: 1_000 });
      await expect(panel.getByTestId("marketing-summary")).toContainText(/\d+ of \d+ synced contacts are not marketing contacts/, {
        timeout: 1_000,
      });
      await expect(panel.getByTestId("marketing-summary")).toContainText("Create as marketing contacts", { timeout: 1_000 });
    }).toPass({ timeout: 45_000 });
    await adminPage.goto("/t/contoso/signups");

    // The reader unsubscribes in HubSpot; an hour passes (the poll rereads recent contacts hourly).
    await simulator.call("POST", `/_sim/portals/${PORTAL}/subscription-statuses/${encodeURIComponent(email)}`, {
      subscriptionId: NEWSLETTER,
      status: "UNSUBSCRIBED",
    });
    await db.signup.updateMany({
      where: { emailNormalized: email },
      data: { subscriptionCheckedAt: new Date(Date.now() - 2 * 3_600_000) },
    });
    await expect(async () => {
      await adminPage.reload();
      await expect(rowOf(adminPage, email).getByTestId("signup-status")).toHaveText("Unsubscribed", { timeout: 1_000 });
    }).toPass({ timeout: 100_000 });

    // HubSpot's privacy deletion, signed and sent by the simulator to the app's webhook endpoint.
    const signup = await db.signup.findFirstOrThrow({ where: { emailNormalized: email } });
    const sent = (await simulator.call("POST", "/_sim/webhooks/send", {
      portalId: PORTAL,
      events: [{ type: "contact.privacyDeletion", objectId: signup.hubspotContactId }],
      targetUrl: `${runtime.appUrl}/api/integrations/hubspot/webhooks`,
      wait: true,
    })) as { delivery: { state: string } };
    expect(sent.delivery.state).toBe("delivered");
    await expect
      .poll(async () => (await db.signup.findUniqueOrThrow({ where: { id: signup.id } })).erasedAt, { timeout: 30_000 })
      .not.toBeNull();
    await adminPage.reload();
    await expect(rowOf(adminPage, email)).toHaveCount(0);
    await expect(adminPage.getByTestId("signup-erased").first()).toBeVisible();
    await db.tenant.update({ where: { id: tenant.id }, data: { newsletterSubscriptionId: null } });
  });
});
