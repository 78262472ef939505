import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/server";
import {
  authorizationCode,
  CLIENT_ID,
  CLIENT_SECRET,
  connectPortal,
  control,
  JSON_TYPE,
  REDIRECT_URI,
  startTestSimulator,
  tokenRequest,
  type TokenBody,
} from "./helpers";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.close());
beforeEach(() => control(sim, "POST", "/reset"));

const codeGrant = (code: string) => ({
  grant_type: "authorization_code",
  code,
  redirect_uri: REDIRECT_URI,
  client_id: CLIENT_ID,
  client_secret: CLIENT_SECRET,
});
const refreshGrant = (refreshToken: string) => ({
  grant_type: "refresh_token",
  refresh_token: refreshToken,
  client_id: CLIENT_ID,
  client_secret: CLIENT_SECRET,
});

async function expectTokenError(response: Response, status: string, error: string, message: string) {
  expect(response.status).toBe(400);
  expect(response.headers.get("content-type")).toMatch(JSON_TYPE);
  expect(await response.json()).toEqual({
    status,
    message,
    error,
    error_description: message,
    correlationId: expect.stringMatching(/.+/),
  });
}

describe("authorization_code grant", () => {
  it.each(["/oauth/v1/token", "/oauth/v3/token", "/oauth/2026-03/token"])("%s exchanges a code for tokens", async (path) => {
    const response = await tokenRequest(sim, codeGrant(await authorizationCode(sim)), path);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(JSON_TYPE);
    const body = (await response.json()) as TokenBody;
    expect(body).toEqual({
      token_type: "bearer",
      refresh_token: expect.stringMatching(/^[0-9a-f-]{36}$/),
      access_token: expect.stringMatching(/^CN[\w-]{200,}$/),
      expires_in: 1800,
      token_use: "access_token",
      hub_id: 62515,
      user_id: 1001,
      scopes: ["oauth", "crm.objects.contacts.write", "crm.objects.contacts.read"],
    });
  });

  it("grants optional scopes only where the portal has them", async () => {
    const tokens = await connectPortal(sim, { portalId: 70001 });
    expect(tokens.hub_id).toBe(70001);
    expect(tokens.scopes).toEqual(["oauth", "crm.objects.contacts.write"]);
  });

  it("accepts a code only once", async () => {
    const code = await authorizationCode(sim);
    expect((await tokenRequest(sim, codeGrant(code))).status).toBe(200);
    await expectTokenError(await tokenRequest(sim, codeGrant(code)), "BAD_AUTH_CODE", "invalid_grant", "missing or unknown auth code");
  });

  it("rejects an expired code", async () => {
    await control(sim, "PATCH", "/config", { codeTtlSeconds: 1 });
    const code = await authorizationCode(sim);
    await sleep(1_100);
    await expectTokenError(await tokenRequest(sim, codeGrant(code)), "BAD_AUTH_CODE", "invalid_grant", "missing or unknown auth code");
  });

  it("rejects an unknown code, a wrong secret and an unknown client", async () => {
    await expectTokenError(await tokenRequest(sim, codeGrant("nope")), "BAD_AUTH_CODE", "invalid_grant", "missing or unknown auth code");
    const code = await authorizationCode(sim);
    await expectTokenError(
      await tokenRequest(sim, { ...codeGrant(code), client_secret: "wrong" }),
      "BAD_CLIENT_SECRET",
      "invalid_client",
      "missing or invalid client secret",
    );
    await expectTokenError(
      await tokenRequest(sim, { ...codeGrant(code), client_id: "other" }),
      "BAD_CLIENT_ID",
      "invalid_client",
      "missing or unknown client id",
    );
  });

  it("rejects a redirect_uri that differs from the one the code was issued for", async () => {
    const code = await authorizationCode(sim);
    const response = await tokenRequest(sim, { ...codeGrant(code), redirect_uri: `${REDIRECT_URI}?x=1` });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ status: "BAD_REDIRECT_URI", error: "invalid_grant" });
  });

  it("reads parameters from the body only on v3/2026-03, while v1 tolerates the query string", async () => {
    for (const path of ["/oauth/v3/token", "/oauth/2026-03/token"]) {
      const query = new URLSearchParams(codeGrant(await authorizationCode(sim)));
      const response = await fetch(`${sim.url}${path}?${query}`, { method: "POST" });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ status: "BAD_GRANT_TYPE", error: "unsupported_grant_type" });
    }
    const query = new URLSearchParams(codeGrant(await authorizationCode(sim)));
    expect((await fetch(`${sim.url}/oauth/v1/token?${query}`, { method: "POST" })).status).toBe(200);
  });

  it("ignores JSON bodies: the token endpoint speaks application/x-www-form-urlencoded", async () => {
    const response = await fetch(`${sim.url}/oauth/v3/token`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(codeGrant(await authorizationCode(sim))),
    });
    expect(response.status).toBe(400);
  });
});

describe("refresh_token grant", () => {
  it("returns a new access token and the same refresh token by default", async () => {
    const first = await connectPortal(sim);
    const response = await tokenRequest(sim, refreshGrant(first.refresh_token));
    expect(response.status).toBe(200);
    const second = (await response.json()) as TokenBody;
    expect(second.refresh_token).toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    expect(second.expires_in).toBe(1800);
    expect((await tokenRequest(sim, refreshGrant(first.refresh_token), "/oauth/v1/token")).status).toBe(200);
  });

  it("rotates the refresh token when configured; the old one stops working", async () => {
    await control(sim, "PATCH", "/config", { rotateRefreshTokens: true, accessTokenTtlSeconds: 60 });
    const first = await connectPortal(sim);
    const second = (await (await tokenRequest(sim, refreshGrant(first.refresh_token))).json()) as TokenBody;
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.expires_in).toBe(60);
    await expectTokenError(
      await tokenRequest(sim, refreshGrant(first.refresh_token)),
      "BAD_REFRESH_TOKEN",
      "invalid_grant",
      "refresh token is invalid, expired or revoked",
    );
    expect((await tokenRequest(sim, refreshGrant(second.refresh_token), "/oauth/2026-03/token")).status).toBe(200);
  });

  it("answers BAD_REFRESH_TOKEN for an unknown refresh token and after an app uninstall", async () => {
    await expectTokenError(
      await tokenRequest(sim, refreshGrant("unknown")),
      "BAD_REFRESH_TOKEN",
      "invalid_grant",
      "refresh token is invalid, expired or revoked",
    );
    const tokens = await connectPortal(sim);
    const revoked = await control(sim, "POST", "/portals/62515/revoke-all");
    expect(await revoked.json()).toEqual({ portalId: 62515, revokedAccessTokens: 1, revokedRefreshTokens: 1 });
    await expectTokenError(
      await tokenRequest(sim, refreshGrant(tokens.refresh_token), "/oauth/v1/token"),
      "BAD_REFRESH_TOKEN",
      "invalid_grant",
      "refresh token is invalid, expired or revoked",
    );
  });

  it("rejects a refresh with the wrong client secret as invalid_client", async () => {
    const tokens = await connectPortal(sim);
    const response = await tokenRequest(sim, { ...refreshGrant(tokens.refresh_token), client_secret: "nope" });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_client" });
  });
});
