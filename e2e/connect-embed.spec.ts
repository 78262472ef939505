// The embedded connect journey in a real browser: an example host product (examples/connect-host,
// its own origin and backend holding a tenant API key) opens Switchboard's hosted connect page in a
// popup through @switchboard/connect; the person consents at the simulator; the popup posts the
// result back and closes; the host page shows the connection. A reconnect keeps its id. Redirect
// mode works without JavaScript on Switchboard's pages.
import type { Page } from "@playwright/test";
import { createApiKey } from "@switchboard/lib/api-keys/manage-api-keys";
import { startConnectHost, type RunningConnectHost } from "@/examples/connect-host/server";
import { test, expect, expectNoAxeViolations } from "./fixtures";

const PORTAL = 62515;
const hostPort = Number(process.env.E2E_HOST_PORT ?? 3218);
let host: RunningConnectHost | undefined;
// Contoso's allowed origins as they were: other specs expect the seeded tenant unchanged.
let restoreOrigins: (() => Promise<unknown>) | undefined;

test.describe.configure({ mode: "serial" });
test.afterAll(async () => {
  await host?.close();
  await restoreOrigins?.();
});

async function startHost(db: import("@switchboard/lib/db/create-client").Db, appUrl: string): Promise<RunningConnectHost> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: "contoso" } });
  restoreOrigins = () => db.tenant.update({ where: { id: tenant.id }, data: { allowedOrigins: tenant.allowedOrigins } });
  await db.tenant.update({ where: { id: tenant.id }, data: { allowedOrigins: `http://localhost:${hostPort}` } });
  const { key } = await createApiKey(db, {
    tenantId: tenant.id,
    name: "example host",
    scopes: ["connections:write", "connections:read"],
    creator: { userId: null, label: "e2e" },
  });
  return startConnectHost({ port: hostPort, switchboardUrl: appUrl, apiKey: key });
}

/** Consents in the popup and returns once it has closed itself. */
async function consentInPopup(popup: Page, heading: RegExp, portalId = PORTAL): Promise<void> {
  await expect(popup.getByRole("heading", { name: heading })).toBeVisible();
  await expect(popup.getByText("crm.objects.contacts.write")).toBeVisible();
  await expectNoAxeViolations(popup);
  await popup.getByRole("button", { name: "Connect HubSpot" }).click();
  await popup.getByLabel(new RegExp(`Hub ID ${portalId}`)).check();
  // Listening before the click: the popup can post its result and close while the click still
  // waits for its navigation, and a "close" listener added after that would wait forever.
  const closed = popup.waitForEvent("close");
  await popup
    .getByRole("button", { name: "Grant access" })
    .click()
    .catch((error: unknown) => {
      // Closed by its own done page before the click's bookkeeping finished: that is success.
      if (!popup.isClosed()) throw error;
    });
  await closed;
}

test("host page → popup → consent → the host page shows the connection; a reconnect keeps its id", async ({
  page,
  db,
  simulator,
  runtime,
}) => {
  await db.connection.deleteMany({ where: { tenant: { slug: "contoso" } } });
  await simulator.reset();
  host ??= await startHost(db, runtime.appUrl);

  await page.goto(host.url);
  const popupOpened = page.waitForEvent("popup");
  await page.getByRole("button", { name: "Connect HubSpot" }).click();
  const popup = await popupOpened;
  await consentInPopup(popup, /Connect HubSpot to Contoso/);
  const result = page.getByRole("status");
  await expect(result).toContainText(`HubSpot connected: portal ${PORTAL}, status connected`);
  const connectionId = await result.getAttribute("data-connection-id");
  const stored = await db.connection.findFirstOrThrow({ where: { tenant: { slug: "contoso" }, portalId: String(PORTAL) } });
  expect(connectionId).toBe(stored.id);

  const reopened = page.waitForEvent("popup");
  await page.getByRole("button", { name: "Reconnect HubSpot" }).click();
  const second = await reopened;
  await consentInPopup(second, /Reconnect HubSpot for Contoso/);
  await expect(result).toContainText(`HubSpot reconnected: portal ${PORTAL}`);
  expect(await result.getAttribute("data-connection-id")).toBe(stored.id);
  expect(await db.connection.count({ where: { tenant: { slug: "contoso" } } })).toBe(1);
});

test("redirect mode without JavaScript ends back at the host with the result; a used link says so", async ({ browser, db, runtime }) => {
  host ??= await startHost(db, runtime.appUrl);
  const created = await fetch(`${host.url}/api/connect-session`, { method: "POST", body: "{}" });
  const session = (await created.json()) as { url: string };
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${session.url}?mode=redirect`);
  await page.getByRole("button", { name: "Connect HubSpot" }).click();
  await page.getByLabel(new RegExp(`Hub ID ${PORTAL}`)).check();
  await page.getByRole("button", { name: "Grant access" }).click();
  await expect(page).toHaveURL(new RegExp(`^${host.url}/\\?connection_id=[\\w-]+&status=connected$`));
  await page.goto(session.url);
  await expect(page.getByTestId("connect-problem")).toHaveAttribute("data-problem", "used");
  await context.close();
});
