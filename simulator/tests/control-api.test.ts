import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/server";
import { CLIENT_ID, CLIENT_SECRET, connectPortal, control, hubspot, JSON_TYPE, startTestSimulator, tokenRequest } from "./helpers";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.close());
beforeEach(() => control(sim, "POST", "/reset"));

interface Logged {
  method: string;
  path: string;
  status: number | null;
  time: string;
  grantType?: string;
  portalId?: number;
}
const requestLog = async () => ((await (await control(sim, "GET", "/requests")).json()) as { requests: Logged[] }).requests;

describe("inspection", () => {
  it("lists SHA-256 fingerprints of every issued code and token, never the secrets, across resets", async () => {
    const tokens = await connectPortal(sim);
    await control(sim, "POST", "/reset");
    const response = await control(sim, "GET", "/secret-fingerprints");
    expect(response.headers.get("content-type")).toMatch(JSON_TYPE);
    const text = await response.text();
    expect(text).not.toContain(tokens.access_token);
    expect(text).not.toContain(tokens.refresh_token);
    const body = JSON.parse(text) as { algorithm: string; fingerprints: string[] };
    const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
    expect(body.algorithm).toBe("sha256");
    expect(body.fingerprints).toEqual(expect.arrayContaining([sha256(tokens.access_token), sha256(tokens.refresh_token)]));
    expect(body.fingerprints.length).toBeGreaterThanOrEqual(3); // the authorization code too
  });

  it("reports health as JSON", async () => {
    const response = await control(sim, "GET", "/health");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(JSON_TYPE);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("logs every HubSpot request with method, path, status and time, so tests can count refreshes", async () => {
    const tokens = await connectPortal(sim);
    const refresh = {
      grant_type: "refresh_token",
      refresh_token: tokens.refresh_token,
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    };
    await tokenRequest(sim, refresh);
    await tokenRequest(sim, refresh, "/oauth/v1/token");
    await fetch(`${sim.url}/oauth/v1/access-tokens/${tokens.access_token}?hint=x`);
    await fetch(`${sim.url}/oauth/v1/refresh-tokens/${tokens.refresh_token}`);
    await hubspot(sim, tokens.access_token).crm.contacts.basicApi.getPage();

    const log = await requestLog();
    expect(log.map(({ method, path, status }) => `${method} ${path} ${status}`)).toEqual([
      "POST /oauth/authorize/decision 302",
      "POST /oauth/v3/token 200",
      "POST /oauth/v3/token 200",
      "POST /oauth/v1/token 200",
      "GET /oauth/v1/access-tokens/[redacted] 200",
      "GET /oauth/v1/refresh-tokens/[redacted] 200",
      "GET /crm/v3/objects/contacts 200",
    ]);
    expect(log.filter((entry) => entry.grantType === "refresh_token")).toHaveLength(2);
    for (const entry of log) expect(Date.parse(entry.time), entry.time).not.toBeNaN();
    expect(log.at(-1)?.portalId).toBe(62515);
    // No secret ever reaches the log: not in paths, not anywhere.
    const serialized = JSON.stringify(log);
    for (const secret of [tokens.access_token, tokens.refresh_token, CLIENT_SECRET]) expect(serialized).not.toContain(secret);
    expect(serialized).not.toContain("?");

    expect((await control(sim, "DELETE", "/requests")).status).toBe(204);
    expect(await requestLog()).toEqual([]);
  });

  it("lists a portal's contacts and 404s for unknown portals", async () => {
    const client = hubspot(sim, (await connectPortal(sim)).access_token);
    await client.crm.contacts.basicApi.create({ properties: { email: "seen@example.com", firstname: "Seen" }, associations: [] });
    const listing = (await (await control(sim, "GET", "/portals/62515/contacts")).json()) as {
      portalId: number;
      total: number;
      results: { id: string; properties: Record<string, string> }[];
    };
    expect(listing).toMatchObject({ portalId: 62515, total: 1 });
    expect(listing.results[0]?.properties).toMatchObject({ email: "seen@example.com", firstname: "Seen" });
    expect((await control(sim, "GET", "/portals/1/contacts")).status).toBe(404);
  });
});

describe("configuration and state", () => {
  it("shows the config without the client secret and patches it", async () => {
    const before = (await (await control(sim, "GET", "/config")).json()) as Record<string, unknown>;
    expect(before).toMatchObject({
      clientId: CLIENT_ID,
      accessTokenTtlSeconds: 1800,
      codeTtlSeconds: 30,
      rateLimit: { max: 110, intervalMs: 10_000 },
    });
    expect(JSON.stringify(before)).not.toContain(CLIENT_SECRET);
    const patched = await control(sim, "PATCH", "/config", { accessTokenTtlSeconds: 5, rateLimit: null, latencyMs: 0 });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ accessTokenTtlSeconds: 5, rateLimit: null });
    expect((await connectPortal(sim)).expires_in).toBe(5);
  });

  it("rejects invalid or unknown config keys with 400", async () => {
    for (const bad of [{ accessTokenTtlSeconds: 0 }, { rateLimit: { max: -1, intervalMs: 10 } }, { clientSecret: "x" }]) {
      const response = await control(sim, "PATCH", "/config", bad);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: expect.any(String) });
    }
    const malformed = await fetch(`${sim.url}/_sim/config`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json" },
      body: "{",
    });
    expect(malformed.status).toBe(400);
  });

  it("expires access tokens on demand, optionally for one portal", async () => {
    const a = await connectPortal(sim);
    const b = await connectPortal(sim, { portalId: 70001 });
    const expired = await control(sim, "POST", "/tokens/expire-all", { portalId: 70001 });
    expect(await expired.json()).toEqual({ expiredAccessTokens: 1 });
    expect((await fetch(`${sim.url}/oauth/v1/access-tokens/${a.access_token}`)).status).toBe(200);
    expect((await fetch(`${sim.url}/oauth/v1/access-tokens/${b.access_token}`)).status).toBe(404);
  });

  it("reset wipes contacts, tokens, faults, logs and config changes", async () => {
    const tokens = await connectPortal(sim);
    await hubspot(sim, tokens.access_token).crm.contacts.basicApi.create({ properties: { email: "gone@example.com" }, associations: [] });
    await control(sim, "PATCH", "/config", { accessTokenTtlSeconds: 7 });
    await control(sim, "POST", "/faults", { status: 500, count: 5, pathPrefix: "/crm/" });
    expect((await control(sim, "POST", "/reset")).status).toBe(200);
    expect(await (await control(sim, "GET", "/portals/62515/contacts")).json()).toMatchObject({ total: 0 });
    expect((await fetch(`${sim.url}/oauth/v1/access-tokens/${tokens.access_token}`)).status).toBe(404);
    expect(await (await control(sim, "GET", "/faults")).json()).toEqual({ faults: [] });
    expect(await (await control(sim, "GET", "/config")).json()).toMatchObject({ accessTokenTtlSeconds: 1800 });
    expect(await requestLog()).toEqual([
      { method: "GET", path: "/oauth/v1/access-tokens/[redacted]", status: 404, time: expect.any(String), durationMs: expect.any(Number) },
    ]);
  });

  it("answers unknown HubSpot paths with a JSON 404 and wrong methods with 405", async () => {
    const missing = await fetch(`${sim.url}/crm/v3/objects/deals`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toMatch(JSON_TYPE);
    expect((await fetch(`${sim.url}/oauth/v3/token`)).status).toBe(405);
  });
});
