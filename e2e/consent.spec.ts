// Consent in a real browser: with double opt-in on (switched on in the signups page's settings), a
// visitor subscribes, reads the confirmation mail, confirms on the page the link opens, and the
// signup goes from Unconfirmed to Synced; the unsubscribe link the host gets from the API then
// unsubscribes it. And the hosted form in an <iframe> on an allowed site, resizing itself.
import type { Page } from "@playwright/test";
import { createApiKey } from "@switchboard/lib/api-keys/manage-api-keys";
import { ensureContosoConnected, uniqueEmail } from "./fixtures/contoso";
import { test, expect, expectNoAxeViolations } from "./fixtures";
import { linkIn, waitForMail } from "./fixtures/mailbox";

const statusOf = (page: Page, email: string) =>
  page.locator(`[data-testid="signup-row"][data-email="${email}"]`).getByTestId("signup-status");

test.describe("newsletter consent", () => {
  test("double opt-in: subscribe, confirm from the mail, sync, then unsubscribe from the link", async ({
    adminPage,
    page,
    runtime,
    db,
  }) => {
    await ensureContosoConnected(adminPage, db);
    const before = await db.tenant.findUniqueOrThrow({
      where: { slug: "contoso" },
      select: { id: true, doubleOptIn: true, consentText: true },
    });
    try {
      await adminPage.goto("/t/contoso/signups");
      await adminPage.getByLabel("Double opt-in").check();
      await adminPage.getByRole("button", { name: "Save settings" }).click();
      await expect(adminPage.getByText("Settings saved.")).toBeVisible();
      expect((await db.tenant.findUniqueOrThrow({ where: { slug: "contoso" } })).doubleOptIn).toBe(true);

      const email = uniqueEmail("doi");
      await page.goto("/subscribe/contoso");
      await page.getByLabel("Email address").fill(email);
      await page.getByRole("checkbox").check();
      await page.getByRole("button", { name: "Subscribe" }).click();
      await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
      await adminPage.goto("/t/contoso/signups");
      await expect(statusOf(adminPage, email)).toHaveText("Unconfirmed");

      const link = linkIn(await waitForMail(email, { subject: /Confirm your subscription/ }), `${runtime.appUrl}/confirm/`);
      await page.goto(link);
      // Opening the link confirms nothing (mail scanners open links too).
      await expect(page.getByRole("heading", { name: "Confirm your subscription to Contoso" })).toBeVisible();
      await expect(page.getByTestId("consent-text")).toHaveText(before.consentText);
      await expectNoAxeViolations(page);
      expect((await db.signup.findFirstOrThrow({ where: { emailNormalized: email } })).status).toBe("UNCONFIRMED");
      await page.getByRole("button", { name: "Confirm my subscription" }).click();
      await expect(page.getByTestId("confirmation-done")).toBeVisible();
      const confirmed = await db.signup.findFirstOrThrow({ where: { emailNormalized: email } });
      expect(confirmed.confirmedAt).not.toBeNull();
      expect(confirmed.confirmedFromIp).toBeTruthy();
      await adminPage.reload();
      await expect(statusOf(adminPage, email)).toHaveText("Synced", { timeout: 20_000 });
      // The link is single-use.
      await page.goto(link);
      await expect(page.getByRole("heading", { name: "This subscription is already confirmed" })).toBeVisible();

      // The host reads the signup's unsubscribe URL from the API and puts it in its newsletter.
      const { key } = await createApiKey(db, {
        tenantId: before.id,
        name: "e2e consent",
        scopes: ["signups:read", "webhooks:manage"],
        creator: { userId: null, label: "e2e" },
      });
      // The host listens for unsubscribes (the outbox keeps only events an endpoint receives).
      const subscribed = await fetch(`${runtime.appUrl}/api/v1/webhook-endpoints`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({ url: "http://127.0.0.1:9/consent-e2e", eventTypes: ["signup.unsubscribed"] }),
      });
      expect(subscribed.status).toBe(201);
      const { endpoint } = (await subscribed.json()) as { endpoint: { id: string } };
      const answer = await fetch(`${runtime.appUrl}/api/v1/signups/${confirmed.id}`, { headers: { authorization: `Bearer ${key}` } });
      const { unsubscribeUrl } = (await answer.json()) as { unsubscribeUrl: string };
      await page.goto(unsubscribeUrl);
      await expect(page.getByRole("heading", { name: "Unsubscribe from Contoso" })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByRole("button", { name: "Unsubscribe" }).click();
      await expect(page.getByTestId("unsubscribe-done")).toContainText(email);
      await adminPage.reload();
      await expect(statusOf(adminPage, email)).toHaveText("Unsubscribed");
      expect((await db.signup.findFirstOrThrow({ where: { emailNormalized: email } })).hubspotUnsubscribePending).toBe(true);
      expect(await db.webhookEvent.count({ where: { type: "signup.unsubscribed", payload: { contains: confirmed.id } } })).toBe(1);
      await db.webhookEndpoint.delete({ where: { id: endpoint.id } });
      // A forged link gets a page saying so.
      await page.goto(`${runtime.appUrl}/unsubscribe/${confirmed.id}.${"A".repeat(43)}`);
      await expect(page.getByTestId("unsubscribe-problem")).toBeVisible();
    } finally {
      await db.tenant.update({ where: { id: before.id }, data: { doubleOptIn: before.doubleOptIn } });
    }
  });

  test("an allowed site frames the form, which sizes the frame to itself; other sites cannot frame it", async ({ page, runtime, db }) => {
    // The simulator's address stands in for the tenant's website: a different origin than the app.
    const siteOrigin = new URL(runtime.simulatorUrl).origin;
    const appOrigin = new URL(runtime.appUrl).origin;
    const before = await db.tenant.findUniqueOrThrow({ where: { slug: "contoso" }, select: { allowedOrigins: true } });
    const frameSource = `${runtime.appUrl}/subscribe/contoso?embed=1&origin=${encodeURIComponent(siteOrigin)}`;
    const embed = () =>
      page.evaluate(
        ({ src, appOrigin }) =>
          new Promise<number | null>((resolve) => {
            document.querySelectorAll("iframe").forEach((old) => old.remove());
            const frame = document.createElement("iframe");
            frame.src = src;
            frame.title = "Newsletter signup";
            window.addEventListener("message", (event) => {
              if (event.origin === appOrigin && event.data?.type === "switchboard:resize") resolve(event.data.height as number);
            });
            setTimeout(() => resolve(null), 5_000);
            document.body.append(frame);
          }),
        { src: frameSource, appOrigin },
      );
    await page.goto(`${siteOrigin}/_sim/secret-fingerprints`);
    expect(await embed()).toBeNull();
    await expect(page.frameLocator("iframe").getByRole("button", { name: "Subscribe" })).toHaveCount(0);

    await db.tenant.update({ where: { slug: "contoso" }, data: { allowedOrigins: `${before.allowedOrigins}\n${siteOrigin}` } });
    try {
      // The server remembers a tenant's settings for two seconds.
      await expect.poll(embed, { timeout: 15_000 }).toBeGreaterThan(200);
      await expect(page.frameLocator("iframe").getByRole("button", { name: "Subscribe" })).toBeVisible();
      const form = await page.request.get(`${runtime.appUrl}/subscribe/contoso`);
      expect(form.headers()["content-security-policy"]).toMatch(new RegExp(`frame-ancestors [^;]*${siteOrigin.replaceAll(".", "\\.")}`));
      expect(form.headers()["x-frame-options"]).toBeUndefined();
      // Only the form: that site may not frame any other page.
      for (const path of ["/login", `/confirm/${"A".repeat(43)}`, "/t/contoso/signups"]) {
        const other = await page.request.get(`${runtime.appUrl}${path}`, { maxRedirects: 0 });
        // A signed-out dashboard request is only a redirect to /login, which has no page to frame.
        if (other.status() >= 300 && other.status() < 400) continue;
        const frameAncestors = other
          .headers()
          ["content-security-policy"]?.split("; ")
          .find((directive) => directive.startsWith("frame-ancestors"));
        expect(frameAncestors, path).toBe("frame-ancestors 'none'");
        expect(other.headers()["x-frame-options"], path).toBe("DENY");
      }
    } finally {
      await db.tenant.update({ where: { slug: "contoso" }, data: { allowedOrigins: before.allowedOrigins } });
    }
  });
});
