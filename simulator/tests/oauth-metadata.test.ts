import { Client } from "@hubspot/api-client";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { RunningSimulator } from "../src/server";
import {
  authorizationCode,
  CLIENT_ID,
  CLIENT_SECRET,
  connectPortal,
  control,
  hubspot,
  JSON_TYPE,
  REDIRECT_URI,
  sdkError,
  startTestSimulator,
  tokenRequest,
} from "./helpers";

let sim: RunningSimulator;
let anonymous: Client;
beforeAll(async () => {
  sim = await startTestSimulator();
  anonymous = new Client({ basePath: sim.url, numberOfApiCallRetries: 0 });
});
afterAll(() => sim.close());
beforeEach(() => control(sim, "POST", "/reset"));
// Some tests freeze the clock (Date only; timers run as usual) to read exact lifetimes.
afterEach(() => vi.useRealTimers());

const clientFields = { client_id: CLIENT_ID, client_secret: CLIENT_SECRET };

describe("v1 token calls through @hubspot/api-client", () => {
  it("exchanges a code and reads access-token metadata", async () => {
    vi.setSystemTime(Date.now());
    const code = await authorizationCode(sim, { portalId: 70001 });
    const tokens = await anonymous.oauth.tokensApi.create("authorization_code", code, REDIRECT_URI, CLIENT_ID, CLIENT_SECRET);
    expect(tokens.tokenType).toBe("bearer");
    expect(tokens.expiresIn).toBe(1800);
    const info = await anonymous.oauth.accessTokensApi.get(tokens.accessToken);
    expect(info).toMatchObject({
      token: tokens.accessToken,
      user: "admin@noread-70001.hubspot.test",
      hubDomain: "noread-70001.hubspot.test",
      scopes: ["oauth", "crm.objects.contacts.write"],
      hubId: 70001,
      appId: 456789,
      userId: 1002,
      tokenType: "access",
    });
    expect(info.expiresIn).toBe(1800);
  });

  it("reads refresh-token metadata and revokes it with a 204 the SDK accepts", async () => {
    const tokens = await connectPortal(sim);
    const info = await anonymous.oauth.refreshTokensApi.get(tokens.refresh_token);
    expect(info).toMatchObject({
      token: tokens.refresh_token,
      hubId: 62515,
      clientId: CLIENT_ID,
      userId: 1001,
      tokenType: "refresh",
      user: "admin@demo-62515.hubspot.test",
      hubDomain: "demo-62515.hubspot.test",
    });
    await anonymous.oauth.refreshTokensApi.archive(tokens.refresh_token);
    // Revoking the refresh token ends the grant: its access token and the refresh token are dead.
    expect((await sdkError(anonymous.oauth.refreshTokensApi.get(tokens.refresh_token))).code).toBe(404);
    expect((await sdkError(hubspot(sim, tokens.access_token).crm.contacts.basicApi.getPage())).code).toBe(401);
    const refresh = await tokenRequest(sim, { grant_type: "refresh_token", refresh_token: tokens.refresh_token, ...clientFields });
    expect(await refresh.json()).toMatchObject({ status: "BAD_REFRESH_TOKEN" });
  });

  it("answers the DELETE with an empty 204 and no Content-Type", async () => {
    const tokens = await connectPortal(sim);
    const response = await fetch(`${sim.url}/oauth/v1/refresh-tokens/${tokens.refresh_token}`, { method: "DELETE" });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    expect(response.headers.get("content-type")).toBeNull();
  });

  it("answers 404 with a JSON body for unknown or expired access tokens", async () => {
    const tokens = await connectPortal(sim);
    await control(sim, "POST", "/tokens/expire-all");
    const response = await fetch(`${sim.url}/oauth/v1/access-tokens/${tokens.access_token}`);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(JSON_TYPE);
    expect(await response.json()).toMatchObject({ status: "error", category: "OBJECT_NOT_FOUND" });
  });
});

describe("v3 / 2026-03 introspection and revocation", () => {
  it.each(["v3", "2026-03"])("introspects access and refresh tokens (%s)", async (version) => {
    vi.setSystemTime(Date.now());
    const tokens = await connectPortal(sim);
    const introspect = (token: string) =>
      tokenRequest(sim, { token, token_type_hint: "access_token", ...clientFields }, `/oauth/${version}/token/introspect`);
    const access = await introspect(tokens.access_token);
    expect(access.status).toBe(200);
    expect(access.headers.get("content-type")).toMatch(JSON_TYPE);
    expect(await access.json()).toEqual({
      active: true,
      client_id: CLIENT_ID,
      token_use: "access_token",
      token: tokens.access_token,
      user: "admin@demo-62515.hubspot.test",
      hub_domain: "demo-62515.hubspot.test",
      scopes: tokens.scopes,
      hub_id: 62515,
      app_id: 456789,
      expires_in: 1800,
      user_id: 1001,
      token_type: "access",
    });
    expect(await (await introspect(tokens.refresh_token)).json()).toMatchObject({
      active: true,
      token_use: "refresh_token",
      client_id: CLIENT_ID,
      hub_id: 62515,
    });
    expect(await (await introspect("not-a-token")).json()).toEqual({ active: false });
  });

  it("reports what is left of the configured lifetime, counting down to inactive", async () => {
    await control(sim, "PATCH", "/config", { accessTokenTtlSeconds: 600 });
    const issuedAt = Date.now();
    vi.setSystemTime(issuedAt);
    const tokens = await connectPortal(sim);
    expect(tokens.expires_in).toBe(600);
    const introspected = async (version: string) =>
      (await (await tokenRequest(sim, { token: tokens.access_token, ...clientFields }, `/oauth/${version}/token/introspect`)).json()) as {
        active: boolean;
        expires_in?: number;
      };
    const metadata = async () =>
      ((await (await fetch(`${sim.url}/oauth/v1/access-tokens/${tokens.access_token}`)).json()) as { expires_in: number }).expires_in;

    vi.setSystemTime(issuedAt + 250_400);
    expect(await metadata()).toBe(349);
    expect(await introspected("v3")).toMatchObject({ active: true, expires_in: 349 });
    expect(await introspected("2026-03")).toMatchObject({ active: true, expires_in: 349 });
    vi.setSystemTime(issuedAt + 599_000);
    expect(await introspected("2026-03")).toMatchObject({ active: true, expires_in: 1 });
    vi.setSystemTime(issuedAt + 600_000);
    expect(await introspected("2026-03")).toEqual({ active: false });
  });

  it("also takes the token under the guide's field names access_token / refresh_token (2026-03)", async () => {
    const tokens = await connectPortal(sim);
    const path = "/oauth/2026-03/token/introspect";
    const access = await tokenRequest(sim, { access_token: tokens.access_token, token_type_hint: "access_token", ...clientFields }, path);
    expect(await access.json()).toMatchObject({ active: true, token_use: "access_token", hub_id: 62515 });
    const refresh = await tokenRequest(
      sim,
      { refresh_token: tokens.refresh_token, token_type_hint: "refresh_token", ...clientFields },
      path,
    );
    expect(await refresh.json()).toMatchObject({ active: true, token_use: "refresh_token", hub_id: 62515 });
  });

  it("requires the client credentials", async () => {
    const tokens = await connectPortal(sim);
    const response = await tokenRequest(
      sim,
      { token: tokens.access_token, client_id: CLIENT_ID, client_secret: "x" },
      "/oauth/v3/token/introspect",
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_client" });
  });

  it.each(["v3", "2026-03"])("revokes a refresh token with 204 and ends the grant (%s)", async (version) => {
    const tokens = await connectPortal(sim);
    const revoke = await tokenRequest(
      sim,
      { token: tokens.refresh_token, token_type_hint: "refresh_token", ...clientFields },
      `/oauth/${version}/token/revoke`,
    );
    expect(revoke.status).toBe(204);
    expect(await revoke.text()).toBe("");
    const introspect = await tokenRequest(sim, { token: tokens.access_token, ...clientFields }, `/oauth/${version}/token/introspect`);
    expect(await introspect.json()).toEqual({ active: false });
    const refresh = await tokenRequest(sim, { grant_type: "refresh_token", refresh_token: tokens.refresh_token, ...clientFields });
    expect(await refresh.json()).toMatchObject({ status: "BAD_REFRESH_TOKEN", error: "invalid_grant" });
  });

  it("revoking an access token leaves the refresh token usable", async () => {
    const tokens = await connectPortal(sim);
    expect((await tokenRequest(sim, { token: tokens.access_token, ...clientFields }, "/oauth/v3/token/revoke")).status).toBe(204);
    expect((await sdkError(hubspot(sim, tokens.access_token).crm.contacts.basicApi.getPage())).code).toBe(401);
    const refresh = await tokenRequest(sim, { grant_type: "refresh_token", refresh_token: tokens.refresh_token, ...clientFields });
    expect(refresh.status).toBe(200);
  });
});
