import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/server";
import { CLIENT_ID, OPTIONAL_SCOPES, REQUIRED_SCOPES, startTestSimulator } from "./helpers";

// The consent page in a real browser: accessible, and Grant/Cancel land on the app's callback.

const SYSTEM_CHROMIUM = "/usr/bin/chromium";
let browser: Browser;
let sim: RunningSimulator;
let callbackServer: Server;
let callbackUrl: string;

beforeAll(async () => {
  callbackServer = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end("<!doctype html><title>callback</title><p>back in the app</p>");
  });
  await new Promise<void>((resolve) => callbackServer.listen(0, "127.0.0.1", resolve));
  callbackUrl = `http://127.0.0.1:${(callbackServer.address() as AddressInfo).port}/callback`;
  sim = await startTestSimulator({ redirectUris: [callbackUrl] });
  browser = await chromium.launch(
    existsSync(SYSTEM_CHROMIUM)
      ? {
          executablePath: SYSTEM_CHROMIUM,
          args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        }
      : {},
  );
});
afterAll(async () => {
  await browser?.close();
  await sim?.close();
  await new Promise((resolve) => callbackServer?.close(resolve));
});

function authorizeUrl(): string {
  const query = new URLSearchParams({
    client_id: CLIENT_ID,
    redirect_uri: callbackUrl,
    scope: REQUIRED_SCOPES,
    optional_scope: OPTIONAL_SCOPES,
    state: "browser-state",
  });
  return `${sim.url}/oauth/authorize?${query}`;
}

describe("consent page in a browser", () => {
  it("consent and error pages have no axe violations", async () => {
    const page = await (await browser.newContext()).newPage();
    for (const url of [authorizeUrl(), authorizeUrl().replace(CLIENT_ID, "unknown-client")]) {
      await page.goto(url);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((violation) => violation.id)).toEqual([]);
    }
    await page.context().close();
  });

  it("Grant access with a chosen portal lands on the callback with a code and the state", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(authorizeUrl());
    await page.getByRole("radio", { name: /Read-restricted Company/ }).check();
    await page.getByRole("button", { name: "Grant access" }).click();
    await page.waitForURL(/\/callback\?/);
    const landed = new URL(page.url());
    expect(landed.searchParams.get("code")).toBeTruthy();
    expect(landed.searchParams.get("state")).toBe("browser-state");
    const log = (await (await fetch(`${sim.url}/_sim/requests`)).json()) as { requests: { path: string; portalId?: number }[] };
    expect(log.requests.find((entry) => entry.path === "/oauth/authorize/decision")?.portalId).toBe(70001);
    await page.context().close();
  });

  it("Cancel lands on the callback with error=access_denied", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(authorizeUrl());
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.waitForURL(/\/callback\?/);
    const landed = new URL(page.url());
    expect(landed.searchParams.get("error")).toBe("access_denied");
    expect(landed.searchParams.get("state")).toBe("browser-state");
    await page.context().close();
  });
});
