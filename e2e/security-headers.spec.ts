// Headers a browser enforces, seen through a real browser against the production server: every
// page's CSP (nonce-based, no framing), nosniff, Referrer-Policy, and what they mean in practice —
// a dashboard framed by another site does not render, and a signed-out cookie opens nothing.
import type { Page, Response } from "@playwright/test";
import { hashPassword } from "@switchboard/lib/auth/password";
import { test, expect, expectNoAxeViolations, signInThroughForm, signOutThroughMenu } from "./fixtures";

/** Collects the browser's CSP violation reports for a page, so a policy that breaks Next shows up. */
function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

function expectPageSecurityHeaders(response: Response | null): string {
  expect(response, "a response").not.toBeNull();
  const headers = response?.headers() ?? {};
  const policy = headers["content-security-policy"] ?? "";
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  expect(policy).not.toContain("unsafe-inline");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  // APP_URL is http here: pinning localhost to https would break it.
  expect(headers["strict-transport-security"]).toBeUndefined();
  return /'nonce-([^']+)'/.exec(policy)?.[1] ?? "";
}

test.describe("security headers", () => {
  test("login, dashboard and the public form send a nonce CSP that Next's scripts carry, and render without violations", async ({
    page,
    adminPage,
  }) => {
    const violations = [page, adminPage].map(collectCspViolations);
    const login = await page.goto("/login");
    const loginNonce = expectPageSecurityHeaders(login);
    await expect(page.getByRole("heading", { name: "Sign in to your dashboard" })).toBeVisible();
    // Every script the server rendered carries this response's nonce. (Chunks Next's runtime adds
    // later are trusted through 'strict-dynamic', and the violation listener would catch a refusal.)
    const scriptTags = (await login!.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scriptTags.length).toBeGreaterThan(0);
    for (const tag of scriptTags) expect(tag).toContain(`nonce="${loginNonce}"`);
    // A fresh nonce per response.
    expect(expectPageSecurityHeaders(await page.reload())).not.toBe(loginNonce);
    await expectNoAxeViolations(page);

    expectPageSecurityHeaders(await adminPage.goto("/t/contoso/integrations"));
    await expect(adminPage.getByRole("heading", { name: "Integrations" })).toBeVisible();
    await expectNoAxeViolations(adminPage);

    expectPageSecurityHeaders(await page.goto("/subscribe/contoso"));
    // The form still works under the policy: its server action answers with per-field errors.
    await page.getByRole("button", { name: /Subscribe/ }).click();
    await expect(page.getByText("Enter your email address.")).toBeVisible();
    await expectNoAxeViolations(page);

    expect(violations.flat()).toEqual([]);
  });

  test("API answers are not framable or sniffable, and the OAuth callback sends no Referer at all", async ({ request }) => {
    const health = await request.get("/api/health");
    expect(health.headers()["x-content-type-options"]).toBe("nosniff");
    expect(health.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    const callback = await request.get("/api/integrations/hubspot/callback?code=x&state=y", { maxRedirects: 0 });
    expect(callback.headers()["referrer-policy"]).toBe("no-referrer");
    expect(callback.headers()["x-content-type-options"]).toBe("nosniff");
  });

  test("the signed-in dashboard does not render inside another site's frame", async ({ adminPage, runtime }) => {
    // Same site as the app (localhost, another port), so the session cookie would go along.
    const otherSite = `http://localhost:${new URL(runtime.simulatorUrl).port}`;
    await adminPage.goto(`${otherSite}/_sim/health`);
    const target = new URL("/t/contoso/integrations", runtime.appUrl).toString();
    await adminPage.evaluate(
      (src) =>
        new Promise<void>((resolve) => {
          const frame = document.createElement("iframe");
          frame.src = src;
          frame.title = "framed dashboard";
          frame.onload = () => resolve();
          document.body.append(frame);
        }),
      target,
    );
    const framed = adminPage.frames().find((frame) => frame !== adminPage.mainFrame());
    expect(framed, "the iframe exists").toBeDefined();
    expect(framed?.url()).not.toBe(target);
    await expect(adminPage.frameLocator("iframe").getByRole("button", { name: "Send test contact" })).toHaveCount(0);
    await expect(adminPage.frameLocator("iframe").getByRole("heading", { name: "Integrations" })).toHaveCount(0);
  });
});

test.describe("session end", () => {
  test("after sign-out, a copy of the old session cookie no longer opens the dashboard", async ({ page, db, browser, runtime }) => {
    // A user of its own: signing out ends every session of that user, the fixtures' saved ones too.
    const email = `signout-${Date.now()}@contoso.test`;
    const user = await db.user.create({ data: { email, name: "Leaving", passwordHash: await hashPassword("leaving-password") } });
    const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: "contoso" } });
    await db.membership.create({ data: { userId: user.id, tenantId: tenant.id, role: "ADMIN" } });

    await signInThroughForm(page, email, "leaving-password");
    await expect(page).toHaveURL(/\/t\/contoso\/integrations$/);
    const copied = await page.context().cookies();
    await signOutThroughMenu(page);

    const replay = await browser.newContext({ baseURL: runtime.appUrl });
    await replay.addCookies(copied);
    const replayPage = await replay.newPage();
    await replayPage.goto("/t/contoso/integrations");
    await expect(replayPage.getByRole("button", { name: "Send test contact" })).toHaveCount(0);
    await expect(replayPage.getByRole("heading", { name: "Integrations" })).toHaveCount(0);
    await replay.close();
  });
});
