// After every browser test: nothing the app printed is a secret. Every token-shaped string in the
// app's stdout/stderr is hashed and compared with the fingerprints of all authorization codes,
// access tokens and refresh tokens the simulator issued during the run (it exposes only hashes).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { test as teardown, expect } from "@playwright/test";
import { e2eRuntime } from "./fixtures/runtime";
import { seedPassword } from "./fixtures/users";

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

function tokenShapedStrings(text: string): Set<string> {
  return new Set([
    ...(text.match(/[A-Za-z0-9_-]{20,}/g) ?? []),
    ...(text.match(/CN[A-Za-z0-9_-]{20,}/g) ?? []),
    ...(text.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi) ?? []),
  ]);
}

teardown("the app logged no OAuth code, token, client secret or password", async ({ request }) => {
  const runtime = e2eRuntime();
  const log = readFileSync(runtime.appLogPath, "utf8");
  expect(log, "the audit must read the app's real output").toContain("Switchboard ready");

  const response = await request.get(`${runtime.simulatorUrl}/_sim/secret-fingerprints`);
  expect(response.ok()).toBe(true);
  const { fingerprints } = (await response.json()) as { fingerprints: string[] };
  teardown.info().annotations.push({ type: "secrets audited", description: `${fingerprints.length} issued codes and tokens` });
  // The whole suite (CI, `npm test`) always connects portals; an audit of nothing must not pass
  // there. A hand-run of a few specs may issue no token at all.
  if (process.env.CI || process.env.E2E_FULL_RUN === "1")
    expect(fingerprints.length, "no OAuth code or token was issued, so nothing was audited").toBeGreaterThan(0);

  const issued = new Set(fingerprints);
  const leaked = [...tokenShapedStrings(log)].filter((candidate) => issued.has(sha256(candidate)));
  expect(leaked.map((secret) => `${secret.slice(0, 6)}… (${secret.length} chars)`)).toEqual([]);
  expect(log).not.toContain("switchboard-local-secret");
  expect(log).not.toContain(seedPassword);
});
