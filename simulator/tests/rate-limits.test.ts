import type { Client } from "@hubspot/api-client";
import { describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/server";
import { connectPortal, control, JSON_TYPE, sdkError, withConnectedPortal } from "./helpers";

let sim: RunningSimulator;
let accessToken: string;
let client: Client;
withConnectedPortal((portal) => ({ sim, client, accessToken } = portal));

const listRaw = (token = accessToken) =>
  fetch(`${sim.url}/crm/v3/objects/contacts?limit=1`, { headers: { Authorization: `Bearer ${token}` } });
const searchRequest = { filterGroups: [], properties: [], limit: 1, after: "0", sorts: [] };

describe("ten-secondly rolling limit per portal", () => {
  it("counts down X-HubSpot-RateLimit-Remaining and answers 429 TEN_SECONDLY_ROLLING when exhausted", async () => {
    await control(sim, "PATCH", "/config", { rateLimit: { max: 3, intervalMs: 60_000 } });
    const remaining: (string | null)[] = [];
    for (let n = 0; n < 3; n++) {
      const response = await listRaw();
      expect(response.status).toBe(200);
      expect(response.headers.get("x-hubspot-ratelimit-max")).toBe("3");
      expect(response.headers.get("x-hubspot-ratelimit-interval-milliseconds")).toBe("60000");
      remaining.push(response.headers.get("x-hubspot-ratelimit-remaining"));
    }
    expect(remaining).toEqual(["2", "1", "0"]);
    const limited = await listRaw();
    expect(limited.status).toBe(429);
    expect(limited.headers.get("content-type")).toMatch(JSON_TYPE);
    expect(limited.headers.get("x-hubspot-ratelimit-remaining")).toBe("0");
    expect(await limited.json()).toEqual({
      status: "error",
      message: "You have reached your ten_secondly_rolling limit.",
      errorType: "RATE_LIMIT",
      correlationId: expect.any(String),
      policyName: "TEN_SECONDLY_ROLLING",
    });
    const error = await sdkError(
      client.crm.contacts.batchApi.upsert({ inputs: [{ id: "x@example.com", idProperty: "email", properties: {} }] }),
    );
    expect(error.code).toBe(429);
    expect(error.body).toMatchObject({ message: "You have reached your ten_secondly_rolling limit." });
  });

  it("limits each portal separately", async () => {
    await control(sim, "PATCH", "/config", { rateLimit: { max: 1, intervalMs: 60_000 } });
    expect((await listRaw()).status).toBe(200);
    expect((await listRaw()).status).toBe(429);
    const other = await connectPortal(sim, { portalId: 80002, scope: "oauth", optionalScope: "crm.objects.contacts.read" });
    expect((await listRaw(other.access_token)).status).toBe(200);
  });

  it("lets the 111th request within 10 s fail at HubSpot's real limit of 110", async () => {
    const statuses: number[] = [];
    for (let n = 0; n < 111; n++) statuses.push((await listRaw()).status);
    expect(statuses.slice(0, 110).filter((status) => !(status === 200))).toEqual([]);
    expect(statuses[110]).toBe(429);
  });

  it("can be switched off: no 429 and no rate-limit headers", async () => {
    await control(sim, "PATCH", "/config", { rateLimit: null });
    for (let n = 0; n < 5; n++) {
      const response = await listRaw();
      expect(response.status).toBe(200);
      expect(response.headers.get("x-hubspot-ratelimit-max")).toBeNull();
    }
  });
});

describe("search limit (5 per second, separate)", () => {
  it("reports the search policy in the headers", async () => {
    const response = await fetch(`${sim.url}/crm/v3/objects/contacts/search`, {
      method: "POST",
      headers: { Authorization: `Bearer ${accessToken}`, "Content-Type": "application/json" },
      body: JSON.stringify(searchRequest),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-hubspot-ratelimit-max")).toBe("5");
    expect(response.headers.get("x-hubspot-ratelimit-interval-milliseconds")).toBe("1000");
  });

  it("answers the 6th search in the window with 429 without touching the general budget", async () => {
    // A long window keeps the test independent of machine speed; the policy is the same.
    await control(sim, "PATCH", "/config", { searchRateLimit: { max: 5, intervalMs: 60_000 }, rateLimit: { max: 2, intervalMs: 60_000 } });
    for (let n = 0; n < 5; n++) await client.crm.contacts.searchApi.doSearch(searchRequest);
    const error = await sdkError(client.crm.contacts.searchApi.doSearch(searchRequest));
    expect(error.code).toBe(429);
    expect(error.body).toMatchObject({ message: "You have reached your secondly limit." });
    const general = await listRaw();
    expect(general.status).toBe(200);
    expect(general.headers.get("x-hubspot-ratelimit-remaining")).toBe("1");
  });
});
