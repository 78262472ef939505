// HubSpot's limits by app distribution: marketplace OAuth apps 110 / 10 s without daily headers,
// privately distributed apps 100 / 10 s plus a daily allowance announced in headers.
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../src/config";
import { simulatorOptionsFromEnv } from "../src/env";
import type { RunningSimulator } from "../src/server";
import { control, withConnectedPortal } from "./helpers";

let sim: RunningSimulator;
let accessToken: string;
withConnectedPortal((portal) => ({ sim, accessToken } = portal));

const read = () => fetch(`${sim.url}/crm/objects/2026-03/contacts?limit=1`, { headers: { Authorization: `Bearer ${accessToken}` } });

describe("rate-limit profiles", () => {
  it("marketplace (the default): 110 per 10 s and no daily headers", async () => {
    const response = await read();
    expect(response.headers.get("x-hubspot-ratelimit-max")).toBe("110");
    expect(response.headers.get("x-hubspot-ratelimit-interval-milliseconds")).toBe("10000");
    expect(response.headers.get("x-hubspot-ratelimit-daily")).toBeNull();
    expect(response.headers.get("x-hubspot-ratelimit-daily-remaining")).toBeNull();
  });

  it("private-starter: 100 per 10 s, 429 TEN_SECONDLY_ROLLING on the 101st call, daily headers counting down", async () => {
    const patched = await control(sim, "PATCH", "/config", { rateLimit: "private-starter" });
    expect(((await patched.json()) as { rateLimit: unknown }).rateLimit).toEqual({ max: 100, intervalMs: 10_000, daily: 250_000 });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let n = 0; n < 101; n++) {
      last = await read();
      statuses.push(last.status);
      if (n === 0) {
        expect(last.headers.get("x-hubspot-ratelimit-max")).toBe("100");
        expect(last.headers.get("x-hubspot-ratelimit-daily")).toBe("250000");
        expect(last.headers.get("x-hubspot-ratelimit-daily-remaining")).toBe("249999");
      }
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(100);
    expect(statuses[100]).toBe(429);
    expect(await last?.json()).toMatchObject({ policyName: "TEN_SECONDLY_ROLLING" });
  });

  it("answers 429 DAILY once the daily allowance is spent", async () => {
    await control(sim, "PATCH", "/config", { rateLimit: { max: 50, intervalMs: 10_000, daily: 2 } });
    expect((await read()).headers.get("x-hubspot-ratelimit-daily-remaining")).toBe("1");
    expect((await read()).headers.get("x-hubspot-ratelimit-daily-remaining")).toBe("0");
    const refused = await read();
    expect(refused.status).toBe(429);
    expect(refused.headers.get("x-hubspot-ratelimit-daily-remaining")).toBe("0");
    expect(await refused.json()).toMatchObject({
      errorType: "RATE_LIMIT",
      policyName: "DAILY",
      message: "You have reached your daily limit.",
    });
  });

  it("takes a profile name or max/interval/daily from HUBSPOT_SIM_RATE_LIMIT", () => {
    expect(resolveConfig(simulatorOptionsFromEnv({ HUBSPOT_SIM_RATE_LIMIT: "private-starter" })).rateLimit).toEqual({
      max: 100,
      intervalMs: 10_000,
      daily: 250_000,
    });
    expect(resolveConfig(simulatorOptionsFromEnv({ HUBSPOT_SIM_RATE_LIMIT: "marketplace" })).rateLimit).toEqual({
      max: 110,
      intervalMs: 10_000,
    });
    expect(resolveConfig(simulatorOptionsFromEnv({ HUBSPOT_SIM_RATE_LIMIT: "190/10000/625000" })).rateLimit).toEqual({
      max: 190,
      intervalMs: 10_000,
      daily: 625_000,
    });
    expect(() => simulatorOptionsFromEnv({ HUBSPOT_SIM_RATE_LIMIT: "enterprise-plus" })).toThrow();
  });
});
