// Faults for connection-health tests: "fail the next N refreshes / calls of this portal with status X,
// then succeed", with the bodies HubSpot gives (invalid_grant on token calls, a 403 that is not
// MISSING_SCOPES, 429 and 401 bodies), leaving other portals alone.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/server";
import {
  CLIENT_ID,
  CLIENT_SECRET,
  connectPortal,
  control,
  REDIRECT_URI,
  startTestSimulator,
  tokenRequest,
  authorizationCode,
  type TokenBody,
} from "./helpers";

let sim: RunningSimulator;
let demo: TokenBody;
let other: TokenBody;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.close());
beforeEach(async () => {
  await control(sim, "POST", "/reset");
  demo = await connectPortal(sim, { scope: "oauth crm.objects.contacts.read", optionalScope: "" });
  other = await connectPortal(sim, { portalId: 80002, scope: "oauth crm.objects.contacts.read", optionalScope: "" });
});

const refresh = (grant: TokenBody) =>
  tokenRequest(
    sim,
    { grant_type: "refresh_token", refresh_token: grant.refresh_token, client_id: CLIENT_ID, client_secret: CLIENT_SECRET },
    "/oauth/2026-03/token",
  );
const contacts = (grant: TokenBody, signal?: AbortSignal) =>
  fetch(`${sim.url}/crm/objects/2026-03/contacts`, { headers: { Authorization: `Bearer ${grant.access_token}` }, signal });
const addFault = async (fault: Record<string, unknown>) => {
  const response = await control(sim, "POST", "/faults", fault);
  expect(response.status).toBe(201);
};

describe("faults scoped to a portal and grant type", () => {
  it("fails the next N refreshes of one portal with 400 invalid_grant, then refreshes succeed", async () => {
    await addFault({ status: 400, count: 2, portalId: 62515, grantType: "refresh_token" });
    expect((await refresh(other)).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const failed = await refresh(demo);
      expect(failed.status).toBe(400);
      expect(await failed.json()).toMatchObject({ status: "BAD_REFRESH_TOKEN", error: "invalid_grant" });
    }
    expect((await refresh(demo)).status).toBe(200);
  });

  it("fails refreshes with 500 without touching code exchanges or API calls", async () => {
    await addFault({ status: 500, count: 1, grantType: "refresh_token" });
    const code = await authorizationCode(sim, { scope: "oauth", optionalScope: "" });
    const exchanged = await tokenRequest(sim, {
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT_URI,
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });
    expect(exchanged.status).toBe(200);
    expect((await contacts(demo)).status).toBe(200);
    const failed = await refresh(demo);
    expect(failed.status).toBe(500);
    expect(failed.headers.get("content-type")).toMatch(/^application\/json/);
    expect((await refresh(demo)).status).toBe(200);
  });

  it("fails one portal's API calls with a 403 that is not MISSING_SCOPES, then succeeds", async () => {
    await addFault({ status: 403, count: 3, portalId: 62515 });
    expect((await contacts(other)).status).toBe(200);
    for (let i = 0; i < 3; i++) {
      const failed = await contacts(demo);
      expect(failed.status).toBe(403);
      const body = (await failed.json()) as { category: string };
      expect(body.category).toBe("FORBIDDEN");
    }
    expect((await contacts(demo)).status).toBe(200);
  });

  it("answers 429 and 401 faults with HubSpot's bodies", async () => {
    await addFault({ status: 429, count: 1, portalId: 62515 });
    await addFault({ status: 401, count: 1, portalId: 62515 });
    expect(await (await contacts(demo)).json()).toMatchObject({ errorType: "RATE_LIMIT", policyName: "TEN_SECONDLY_ROLLING" });
    expect(await (await contacts(demo)).json()).toMatchObject({ category: "INVALID_AUTHENTICATION" });
    expect((await contacts(demo)).status).toBe(200);
  });

  it("hangs one portal's calls while others are answered", async () => {
    await addFault({ mode: "hang", count: 1, portalId: 62515 });
    await expect(contacts(demo, AbortSignal.timeout(200))).rejects.toThrow();
    expect((await contacts(other)).status).toBe(200);
    expect((await contacts(demo)).status).toBe(200);
  });

  it("validates the new fields", async () => {
    for (const bad of [
      { status: 400, grantType: "client_credentials" },
      { status: 500, portalId: -1 },
      { status: 418, portalId: 62515 },
    ]) {
      expect((await control(sim, "POST", "/faults", bad)).status).toBe(400);
    }
  });
});
