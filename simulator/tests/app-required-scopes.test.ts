// The app's configured required scopes (HUBSPOT-2026-03.md §0, §8): an install URL must name them all in
// `scope`. Adding contact webhooks makes contacts read required, so old install links stop working
// and existing installs must re-authorize to get the new scope.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simulatorOptionsFromEnv } from "../src/env";
import type { RunningSimulator } from "../src/server";
import { CLIENT_ID, connectPortal, control, postDecision, REDIRECT_URI, startTestSimulator } from "./helpers";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startTestSimulator({ appRequiredScopes: ["oauth", "crm.objects.contacts.read"] });
});
afterAll(() => sim.close());

const authorizePage = (scope: string) =>
  fetch(`${sim.url}/oauth/authorize?${new URLSearchParams({ client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, scope })}`);

describe("app required scopes", () => {
  it("refuses an install URL that leaves one out, on the page and on the decision", async () => {
    const page = await authorizePage("oauth crm.objects.contacts.write");
    expect(page.status).toBe(400);
    expect(await page.text()).toContain("missing: crm.objects.contacts.read");
    expect((await postDecision(sim, { scope: "oauth crm.objects.contacts.write", optionalScope: "" })).status).toBe(400);
  });

  it("installs when the URL names them all, and the grant carries them", async () => {
    expect((await authorizePage("oauth crm.objects.contacts.read crm.objects.contacts.write")).status).toBe(200);
    const grant = await connectPortal(sim, { scope: "oauth crm.objects.contacts.read crm.objects.contacts.write", optionalScope: "" });
    expect(grant.scopes).toEqual(expect.arrayContaining(["crm.objects.contacts.read"]));
  });

  it("is configurable at runtime and from HUBSPOT_SIM_APP_REQUIRED_SCOPES", async () => {
    expect((await control(sim, "PATCH", "/config", { appRequiredScopes: [] })).status).toBe(200);
    expect((await authorizePage("oauth")).status).toBe(200);
    expect(simulatorOptionsFromEnv({ HUBSPOT_SIM_APP_REQUIRED_SCOPES: "oauth, crm.objects.contacts.read" }).appRequiredScopes).toEqual([
      "oauth",
      "crm.objects.contacts.read",
    ]);
  });
});
