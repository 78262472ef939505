// Browser tests against a production build on a fresh, seeded SQLite database in a temp dir, plus
// the local HubSpot simulator. Ports and the build folder come from the environment so several
// runs can share a machine (E2E_APP_PORT, E2E_SIM_PORT, NEXT_DIST_DIR).
import { defineConfig, devices } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ignoreEnvFiles } from "./lib/env/load-env-files";

const appPort = Number(process.env.E2E_APP_PORT ?? 3100);
const simPort = Number(process.env.E2E_SIM_PORT ?? 4110);

// The app under test is configured by scripts/e2e/serve-app.ts alone: no `.env` file in the checkout
// reaches its build, its server or the specs.
ignoreEnvFiles();

// Set once in the runner process; workers re-read this file but inherit these values.
process.env.E2E_RUN_DIR ??= join(tmpdir(), `switchboard-e2e-${appPort}-${randomBytes(4).toString("hex")}`);
process.env.E2E_APP_URL ??= `http://localhost:${appPort}`;
process.env.E2E_SIM_URL ??= `http://127.0.0.1:${simPort}`;
process.env.E2E_DATABASE_URL ??= `file:${join(process.env.E2E_RUN_DIR, "switchboard-e2e.db")}`;
process.env.E2E_METRICS_TOKEN ??= randomBytes(24).toString("hex");
const appUrl = process.env.E2E_APP_URL;
const simulatorUrl = process.env.E2E_SIM_URL;

// Debian's Chromium where present (no browser downloads on these machines), else Playwright's own.
const systemChromium = "/usr/bin/chromium";
const launchOptions = existsSync(systemChromium)
  ? {
      executablePath: systemChromium,
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
  : {};

const bin = (name: string) => join("node_modules", ".bin", name);
const simulatorEntry = "simulator/src/main.ts";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: appUrl,
    launchOptions,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    // The secrets audit runs once every browser test is done, while the servers are still up.
    { name: "setup", testMatch: /.*\.setup\.ts/, teardown: "secrets-audit" },
    { name: "secrets-audit", testMatch: /.*\.teardown\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions }, dependencies: ["setup"] },
  ],
  webServer: [
    ...(existsSync(simulatorEntry)
      ? [
          {
            command: `${bin("tsx")} ${simulatorEntry}`,
            url: `${simulatorUrl}/_sim/health`,
            env: {
              HUBSPOT_SIM_PORT: String(simPort),
              HUBSPOT_SIM_REDIRECT_URIS: `http://localhost:${appPort}/api/integrations/hubspot/callback`,
            },
            reuseExistingServer: false,
            gracefulShutdown: { signal: "SIGTERM" as const, timeout: 5_000 },
            timeout: 60_000,
            stdout: "ignore" as const,
            stderr: "pipe" as const,
          },
        ]
      : []),
    {
      command: `${bin("tsx")} --conditions=source scripts/e2e/serve-app.ts`,
      url: `${appUrl}/api/health`,
      env: { E2E_APP_PORT: String(appPort) },
      reuseExistingServer: false,
      // SIGTERM (not Playwright's default SIGKILL) lets serve-app stop next and delete the run dir.
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      // A production build on two busy cores can take a few minutes.
      timeout: 420_000,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
