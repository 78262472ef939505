// The admin's HubSpot journey in a real browser against the simulator: connect through the consent
// page, test, send a test contact, member view, reconnect, cancel, disconnect. Along the way every
// token-shaped string the app sends to the browser is checked against the simulator: none is live.
import type { Page, Response } from "@playwright/test";
import { test, expect, expectNoAxeViolations } from "./fixtures";

const PORTAL = 62515;
const PAGE = "/t/contoso/integrations";
const CLIENT = { client_id: "switchboard-local", client_secret: "switchboard-local-secret" };

test.describe.configure({ mode: "serial" });

/** Collects the text of every response the app (not the simulator) sends to this page. */
function recordAppResponses(page: Page, appOrigin: string): string[] {
  const bodies: string[] = [];
  page.on("response", async (response: Response) => {
    if (!response.url().startsWith(appOrigin)) return;
    try {
      bodies.push(`${JSON.stringify(response.headers())}\n${await response.text()}`);
    } catch {
      // redirects and aborted requests have no body
    }
  });
  return bodies;
}

/** Token-shaped strings (simulator access tokens start with CN; refresh tokens are UUIDs). */
async function expectNoLiveTokens(page: Page, bodies: string[], simulatorUrl: string): Promise<void> {
  const text = [await page.content(), ...bodies.splice(0)].join("\n");
  const candidates = new Set([
    ...(text.match(/CN[A-Za-z0-9_-]{100,}/g) ?? []),
    ...(text.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi) ?? []),
  ]);
  for (const token of candidates) {
    const response = await fetch(`${simulatorUrl}/oauth/2026-03/token/introspect`, {
      method: "POST",
      body: new URLSearchParams({ token, ...CLIENT }),
    });
    const body = (await response.json()) as { active?: boolean };
    expect(body.active, "a live HubSpot token was sent to the browser").not.toBe(true);
  }
  expect(text).not.toMatch(/v1\.k1\.[\w-]+\.[\w-]+\.[\w-]+/);
}

async function grantAtConsent(page: Page, portalId = PORTAL): Promise<void> {
  await expect(page.getByRole("heading", { name: /Connect .* to HubSpot/ })).toBeVisible();
  await page.getByLabel(new RegExp(`Hub ID ${portalId}`)).check();
  await page.getByRole("button", { name: "Grant access" }).click();
  await expect(page).toHaveURL(new RegExp(`${PAGE}\\?`));
}

const notices = (page: Page) => page.getByRole("status", { name: "Integration notices" });
const card = (page: Page, portalId = PORTAL) => page.locator(`[data-testid="connection-card"][data-portal-id="${portalId}"]`);

test("connect, test, send a test contact, reconnect, cancel and disconnect", async ({ adminPage: page, db, simulator, runtime }) => {
  await db.connection.deleteMany({ where: { tenant: { slug: "contoso" } } });
  await simulator.reset();
  const bodies = recordAppResponses(page, runtime.appUrl);

  await page.goto(PAGE);
  await expect(page.getByTestId("connection-status")).toHaveText("Not connected");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Connect HubSpot" }).click();
  await expect(page).toHaveURL(new RegExp(`^${simulator.url}/oauth/authorize\\?`));
  const authorizeUrl = new URL(page.url());
  expect(authorizeUrl.searchParams.get("redirect_uri")).toBe(`${runtime.appUrl}/api/integrations/hubspot/callback`);
  await grantAtConsent(page);
  await expect(notices(page)).toContainText(`HubSpot portal ${PORTAL} is connected.`);
  await expect(card(page).getByTestId("connection-status")).toHaveText("Connected");
  await expect(card(page).getByTestId("portal-id")).toHaveText(String(PORTAL));
  await expect(card(page)).toContainText("demo-62515.hubspot.test");
  await expectNoAxeViolations(page);
  await expectNoLiveTokens(page, bodies, simulator.url);

  // Only ciphertext is stored.
  const row = await db.connection.findFirstOrThrow({ where: { tenant: { slug: "contoso" }, portalId: String(PORTAL) } });
  expect(row.accessTokenCiphertext).toMatch(/^v1\.k1\./);
  expect(row.refreshTokenCiphertext).toMatch(/^v1\.k1\./);
  const asStored = JSON.stringify(row);
  expect(asStored).not.toMatch(/"CN[A-Za-z0-9_-]{100,}"/);
  expect(asStored.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi)?.filter((id) => id !== row.id) ?? []).toEqual([]);

  await card(page).getByRole("button", { name: "Test connection" }).click();
  const status = card(page).getByRole("status", { name: `Updates for portal ${PORTAL}` });
  await expect(status).toContainText("Connection works");
  await expect(card(page).getByTestId("last-test")).toContainText("Passed in");
  await expectNoAxeViolations(page);

  await card(page).getByRole("button", { name: "Send test contact" }).click();
  await expect(status).toContainText("contact id");
  const contactId = (await status.textContent())?.match(/contact id (\d+)/)?.[1];
  expect(contactId).toBeTruthy();
  const contacts = (await simulator.contacts(PORTAL)) as { results: Array<{ id: string; properties: { email?: string } }> };
  expect(contacts.results.find((c) => c.id === contactId)?.properties.email).toBe("switchboard-test+contoso@example.com");
  await expectNoLiveTokens(page, bodies, simulator.url);

  await card(page).getByRole("button", { name: "Reconnect", exact: true }).click();
  await grantAtConsent(page);
  await expect(notices(page)).toContainText(`HubSpot portal ${PORTAL} is reconnected`);
  await expect(card(page).getByTestId("connection-status")).toHaveText("Connected");
  await expect(card(page)).toContainText("Reconnected");
  await expectNoLiveTokens(page, bodies, simulator.url);

  await page.getByRole("button", { name: "Connect another portal" }).click();
  await expect(page.getByRole("button", { name: "Cancel" })).toBeVisible();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page).toHaveURL(new RegExp(`${PAGE}\\?notice=consent_cancelled`));
  await expect(notices(page)).toContainText("You cancelled on HubSpot's consent screen");
  await expectNoAxeViolations(page);

  await simulator.clearRequests();
  await card(page).getByRole("button", { name: "Disconnect" }).click();
  await expect(page.getByText(`Disconnect portal ${PORTAL}?`)).toBeVisible();
  // No other workspace uses the portal, so disconnecting also uninstalls the app: the card says when it does.
  await expect(page.getByText(`Disconnect portal ${PORTAL}?`)).toContainText("the app is also uninstalled from it");
  await expect(page.getByText(`Disconnect portal ${PORTAL}?`)).toContainText("Connected apps");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Yes, disconnect" }).click();
  await expect(notices(page)).toContainText(`Disconnected portal ${PORTAL}: Switchboard's access was revoked`);
  await expect(notices(page)).toContainText("the app was uninstalled from the portal");
  await expect(page.getByTestId("connection-status")).toHaveText("Not connected");
  const requests = (await simulator.requests()) as { requests: Array<{ method: string; path: string; status: number }> };
  expect(requests.requests).toContainEqual(expect.objectContaining({ method: "POST", path: "/oauth/2026-03/token/revoke", status: 204 }));
  expect(requests.requests).toContainEqual(
    expect.objectContaining({ method: "DELETE", path: "/appinstalls/2026-03/external-install", status: 204 }),
  );
  expect(await db.connection.count({ where: { tenant: { slug: "contoso" } } })).toBe(0);
  await expectNoAxeViolations(page);
});

test("a member sees the connection's status but no actions", async ({ adminPage, memberPage, db, simulator }) => {
  await db.connection.deleteMany({ where: { tenant: { slug: "contoso" } } });
  await adminPage.goto(PAGE);
  await adminPage.getByRole("button", { name: "Connect HubSpot" }).click();
  await grantAtConsent(adminPage);

  await memberPage.goto(PAGE);
  await expect(card(memberPage).getByTestId("connection-status")).toHaveText("Connected");
  await expect(card(memberPage).getByTestId("portal-id")).toHaveText(String(PORTAL));
  for (const name of ["Connect another portal", "Test connection", "Send test contact", "Reconnect", "Disconnect"]) {
    await expect(memberPage.getByRole("button", { name })).toHaveCount(0);
  }
  await expectNoAxeViolations(memberPage);

  // Revoked at HubSpot: the next test marks it Needs reconnect, which the member sees too.
  await simulator.revokeAll(PORTAL);
  await card(adminPage).getByRole("button", { name: "Test connection" }).click();
  await expect(card(adminPage).getByRole("status", { name: `Updates for portal ${PORTAL}` })).toContainText("Test failed");
  await memberPage.reload();
  await expect(card(memberPage).getByTestId("connection-status")).toHaveText("Needs reconnect");
});

test("the callback refuses a forged state with a clear page and stores nothing", async ({ adminPage: page, db }) => {
  const before = await db.connection.count();
  const response = await page.goto(`/api/integrations/hubspot/callback?code=forged&state=${"A".repeat(43)}`);
  expect(response?.status()).toBe(400);
  await expect(page.getByRole("heading", { name: "This connection link is not valid" })).toBeVisible();
  await expectNoAxeViolations(page);
  expect(await db.connection.count()).toBe(before);
});
