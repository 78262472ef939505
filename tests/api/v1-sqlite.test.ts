// Every /api/v1 suite on SQLite (one database per file: the app's configuration is read once per process).
import { afterAll, beforeAll, describe } from "vitest";
import { startApiWorld, type ApiWorld } from "./support/api-world";
import { badInputSuite } from "./suites/bad-input-suite";
import { connectionsSuite } from "./suites/connections-suite";
import { contractSuite } from "./suites/contract-suite";
import { signupsSuite } from "./suites/signups-suite";
import { tenantsSuite } from "./suites/tenants-suite";
import { tokenStormSuite } from "./suites/token-storm-suite";
import { webhooksSuite } from "./suites/webhooks-suite";

describe("/api/v1 on sqlite", () => {
  let world: ApiWorld;
  beforeAll(async () => {
    world = await startApiWorld("sqlite");
  });
  afterAll(async () => world?.close());
  connectionsSuite(() => world);
  tokenStormSuite(() => world);
  signupsSuite(() => world);
  tenantsSuite(() => world);
  webhooksSuite(() => world);
  badInputSuite(() => world);
  // Last: checks every response the suites above received against the published document.
  contractSuite(() => world);
});
