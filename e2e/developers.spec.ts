// The Developers page in a real browser: an owner creates an API key (shown once, then usable on
// /api/v1) and a webhook endpoint pointing at a local receiver, sends a test event and sees it
// delivered — with a signature the receiver verifies using the standardwebhooks library.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { test, expect, expectNoAxeViolations } from "./fixtures";

test.describe("developers", () => {
  test("an owner creates a key and an endpoint and sees a test event delivered", async ({ adminPage: page, runtime, db }) => {
    const received: { id: string; verified: boolean }[] = [];
    let secret = "";
    const receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const headers = Object.fromEntries(
          ["webhook-id", "webhook-timestamp", "webhook-signature"].map((name) => [name, String(request.headers[name] ?? "")]),
        );
        let verified = true;
        try {
          new Webhook(secret).verify(Buffer.concat(chunks).toString("utf8"), headers);
        } catch {
          verified = false;
        }
        received.push({ id: headers["webhook-id"] ?? "", verified });
        response.writeHead(verified ? 204 : 401).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    try {
      await page.goto("/t/contoso/developers");
      await expect(page.getByRole("heading", { name: "Developers" })).toBeVisible();
      await expectNoAxeViolations(page);

      await page.getByLabel("Key name").fill("E2E backend");
      await page.getByRole("button", { name: "Create key" }).click();
      const key = (await page.getByTestId("revealed-secret").first().textContent()) ?? "";
      expect(key).toMatch(/^sb_live_/);
      const whoami = await page.request.get(`${runtime.appUrl}/api/v1/whoami`, { headers: { authorization: `Bearer ${key}` } });
      expect(whoami.status()).toBe(200);
      await page.reload();
      await expect(page.getByTestId("api-key-row").filter({ hasText: "E2E backend" })).toBeVisible();
      await expect(page.locator("body")).not.toContainText(key);

      await page.getByLabel("Endpoint URL").fill(receiverUrl);
      await page.getByRole("button", { name: "Add endpoint" }).click();
      const revealed = page.getByTestId("revealed-secret").filter({ hasText: "whsec_" });
      await expect(revealed).toBeVisible();
      secret = (await revealed.textContent()) ?? "";
      await page.reload();
      const endpoint = page.getByTestId("webhook-endpoint").filter({ hasText: receiverUrl });
      await endpoint.getByRole("button", { name: "Send test event" }).click();
      await expect(endpoint.getByText("Test event queued")).toBeVisible();
      await expect(
        endpoint.getByTestId("webhook-delivery").filter({ hasText: "webhook.test" }).filter({ hasText: "Delivered" }),
      ).toBeVisible({ timeout: 20_000 });
      expect(received).toHaveLength(1);
      expect(received[0]?.verified).toBe(true);
      await expect(endpoint.getByTestId("webhook-delivery").first()).toContainText(received[0]?.id ?? "missing");
    } finally {
      receiver.close();
      // Later specs must not see retries towards this closed receiver.
      await db.webhookEndpoint.deleteMany({ where: { url: receiverUrl } });
    }
  });

  test("the API reference at /docs/api lists the operations from the published document", async ({ page, runtime }) => {
    const document = (await (await page.request.get(`${runtime.appUrl}/api/v1/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(document.openapi).toBe("3.1.0");
    await page.goto("/docs/api");
    await expect(page.getByRole("heading", { name: "Switchboard API" })).toBeVisible();
    for (const path of Object.keys(document.paths))
      await expect(page.getByRole("heading", { name: path, exact: false }).first()).toBeVisible();
    await expect(page.locator("#problem-invalid_input")).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("members do not see the Developers page", async ({ memberPage }) => {
    await memberPage.goto("/t/contoso/integrations");
    await expect(memberPage.getByRole("link", { name: "Developers" })).toHaveCount(0);
    const response = await memberPage.goto("/t/contoso/developers");
    expect(response?.status()).toBe(404);
  });
});
