// Every page route renders under the Content-Security-Policy in a real browser: no CSP violation,
// no console error, and Next's scripts run (the page hydrates). A page prerendered at build time
// carries no per-response nonce on its scripts, so the browser would refuse them all; an inline
// style attribute is refused as well (the signups legend would lose its colours).
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";

/** Console errors (CSP refusals are reported there) and uncaught page errors, for one page. */
function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    // The browser logs the document's own 404 as an error; visit() asserts that status itself.
    const ownStatus = /^Failed to load resource/.test(message.text()) && message.location().url === page.url();
    if (ownStatus) return;
    if (message.type() === "error" || /Content Security Policy/i.test(message.text())) problems.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
  return problems;
}

/** Visits a page and waits until Next's client runtime has started, which it cannot if its scripts were refused. */
async function visit(page: Page, path: string, expectedStatus: number): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(expectedStatus);
  expect(response?.headers()["content-security-policy"], path).toMatch(/'nonce-/);
  await page.waitForFunction(
    () => "next" in window && Boolean((window as unknown as { next?: { version?: string } }).next?.version),
    undefined,
    { timeout: 15_000 },
  );
  // Every script in the served HTML carries this response's nonce (none was rendered at build time).
  const nonce = /'nonce-([^']+)'/.exec(response?.headers()["content-security-policy"] ?? "")?.[1];
  const scripts = (await response?.text())?.match(/<script\b[^>]*>/g) ?? [];
  for (const tag of scripts) expect(tag, `${path}: ${tag}`).toContain(`nonce="${nonce}"`);
}

const signedOutPages: [string, number][] = [
  ["/login", 200],
  ["/forgot-password", 200],
  ["/docs/api", 200],
  ["/subscribe/contoso", 200],
  ["/no-such-page", 404],
  ["/subscribe/no-such-tenant", 404],
  ["/invite/not-a-real-token", 200],
  ["/reset-password/not-a-real-token", 200],
];

const signedInPages: [string, number][] = [
  ["/t/contoso/integrations", 200],
  ["/t/contoso/signups", 200],
  ["/t/contoso/members", 200],
  ["/t/contoso/developers", 200],
  ["/account/password", 200],
  ["/docs/api", 200],
  ["/t/fabrikam/integrations", 404], // another tenant's page is the not-found page
  ["/no-such-page", 404],
];

test.describe("every page under the CSP", () => {
  test("signed out: each page hydrates with no CSP violation or console error", async ({ page }) => {
    const problems = collectProblems(page);
    for (const [path, status] of signedOutPages) await visit(page, path, status);
    expect(problems).toEqual([]);
  });

  test("signed in: each dashboard and account page hydrates with no CSP violation or console error", async ({ adminPage }) => {
    const problems = collectProblems(adminPage);
    for (const [path, status] of signedInPages) await visit(adminPage, path, status);
    expect(problems).toEqual([]);
  });

  test("the signups legend's swatches show their colours", async ({ adminPage }) => {
    await visit(adminPage, "/t/contoso/signups", 200);
    const fills = await adminPage
      .getByTestId("legend-swatch")
      .evaluateAll((swatches) => swatches.map((swatch) => getComputedStyle(swatch.querySelector("rect") as Element).fill));
    // Synced, pending, failed, unconfirmed (double opt-in), unsubscribed.
    expect(fills).toEqual(["rgb(5, 150, 105)", "rgb(217, 119, 6)", "rgb(220, 38, 38)", "rgb(99, 102, 241)", "rgb(100, 116, 139)"]);
  });
});
