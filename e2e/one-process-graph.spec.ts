// `npm start` holds ONE copy of the domain code: the signup API's direct path (server/main.ts) and
// Next's routes and actions share the database client, the signup limiter and the metrics registry.
// Each announces its creation once in the server's log, so after both paths have served requests
// there must be exactly one of each line (a second module graph would open its own client and
// limiter); and the answers the direct path counted show up in /metrics, which Next serves.
import { readFileSync } from "node:fs";
import { test, expect } from "./fixtures";

function logLines(path: string, message: string): number {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.includes(`"message":"${message}"`)).length;
}

test("the direct intake path and Next share one database client, one limiter and one metrics registry", async ({
  page,
  adminPage,
  runtime,
  request,
}) => {
  const direct = await request.post(`${runtime.appUrl}/api/subscribe/fabrikam`, {
    data: { email: `graph-direct-${Date.now()}@example.com`, consent: true },
  });
  expect(direct.status()).toBe(202);

  await page.goto("/subscribe/fabrikam");
  await page.getByLabel("Email address").fill(`graph-form-${Date.now()}@example.com`);
  await page.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByTestId("signup-thanks")).toBeVisible();

  await adminPage.goto("/t/contoso/signups");
  await expect(adminPage.getByRole("heading", { level: 1 })).toBeVisible();

  expect(logLines(runtime.appLogPath, "database client opened")).toBe(1);
  expect(logLines(runtime.appLogPath, "signup rate limiter ready")).toBe(1);

  const scrape = await request.get(`${runtime.appUrl}/metrics`, { headers: { authorization: `Bearer ${runtime.metricsToken}` } });
  expect(scrape.status()).toBe(200);
  const accepted = (await scrape.text()).match(/^switchboard_intake_answers_total\{outcome="accepted",status="202"\} (\d+)$/m);
  expect(Number(accepted?.[1] ?? 0)).toBeGreaterThanOrEqual(1);
});

test("/metrics refuses a scrape without the bearer token", async ({ request, runtime }) => {
  expect((await request.get(`${runtime.appUrl}/metrics`)).status()).toBe(401);
  expect((await request.get(`${runtime.appUrl}/metrics`, { headers: { authorization: "Bearer wrong-token-0123456789" } })).status()).toBe(
    401,
  );
});
