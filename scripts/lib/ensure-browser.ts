// Playwright needs a Chromium. Debian's (/usr/bin/chromium, what CI installs) is used when
// present; otherwise Playwright's own build, downloaded once on machines that can reach it.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { run } from "./run";

export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

export async function ensureBrowser(): Promise<void> {
  if (existsSync(DEBIAN_CHROMIUM) || existsSync(chromium.executablePath())) return;
  console.log("No Chromium found: installing Playwright's build (npx playwright install chromium)…");
  await run("npx", ["playwright", "install", "chromium"]);
}
