// Every /api/v1 suite against one database. Each database gets a test file of its own (the app's
// configuration is read once per process), and both run exactly this list.
import { afterAll, beforeAll, describe } from "vitest";
import type { TestProvider } from "@/tests/helpers/databases";
import { startApiWorld, type ApiWorld } from "./api-world";
import { auditSuite } from "../suites/audit-suite";
import { badInputSuite } from "../suites/bad-input-suite";
import { connectionsSuite } from "../suites/connections-suite";
import { consentSuite } from "../suites/consent-suite";
import { contractSuite } from "../suites/contract-suite";
import { displayTextSuite } from "../suites/display-text-suite";
import { hubspotConsentSuite } from "../suites/hubspot-consent-suite";
import { signupFieldsSuite } from "../suites/signup-fields-suite";
import { signupsSuite } from "../suites/signups-suite";
import { tenantsSuite } from "../suites/tenants-suite";
import { tokenStormSuite } from "../suites/token-storm-suite";
import { unknownPathSuite } from "../suites/unknown-path-suite";
import { webhooksSuite } from "../suites/webhooks-suite";

export function describeApiV1(provider: TestProvider): void {
  describe(`/api/v1 on ${provider}`, () => {
    let world: ApiWorld;
    beforeAll(async () => {
      world = await startApiWorld(provider);
    });
    afterAll(async () => world?.close());
    connectionsSuite(() => world);
    tokenStormSuite(() => world);
    signupsSuite(() => world);
    consentSuite(() => world);
    hubspotConsentSuite(() => world);
    signupFieldsSuite(() => world);
    tenantsSuite(() => world);
    webhooksSuite(() => world);
    badInputSuite(() => world);
    displayTextSuite(() => world);
    auditSuite(() => world);
    unknownPathSuite(() => world);
    // Last: checks every response the suites above received against the published document.
    contractSuite(() => world);
  });
}
