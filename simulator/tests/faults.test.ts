import { describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/server";
import { control, hubspot, JSON_TYPE, sdkError, withConnectedPortal } from "./helpers";

let sim: RunningSimulator;
let accessToken: string;
withConnectedPortal((portal) => ({ sim, accessToken } = portal));

const list = (signal?: AbortSignal) =>
  fetch(`${sim.url}/crm/v3/objects/contacts`, { headers: { Authorization: `Bearer ${accessToken}` }, signal });

interface Logged {
  method: string;
  path: string;
  status: number | null;
  durationMs: number;
}
const requestLog = async () => ((await (await control(sim, "GET", "/requests")).json()) as { requests: Logged[] }).requests;

describe("injected faults", () => {
  it("fails the next N requests with the chosen status, then recovers", async () => {
    const added = await control(sim, "POST", "/faults", { status: 503, count: 2, pathPrefix: "/crm/" });
    expect(added.status).toBe(201);
    const first = await list();
    expect(first.status).toBe(503);
    expect(first.headers.get("content-type")).toMatch(JSON_TYPE);
    expect(await first.json()).toMatchObject({ status: "error", correlationId: expect.any(String) });
    const error = await sdkError(hubspot(sim, accessToken).crm.contacts.basicApi.getPage());
    expect(error.code).toBe(503);
    expect((await list()).status).toBe(200);
  });

  it("fails a fraction of matching requests and leaves other paths alone", async () => {
    await control(sim, "POST", "/faults", { status: 500, fraction: 1, pathPrefix: "/crm/" });
    expect((await list()).status).toBe(500);
    expect((await list()).status).toBe(500);
    expect((await fetch(`${sim.url}/oauth/v1/access-tokens/${accessToken}`)).status).toBe(200);
    expect(((await (await control(sim, "GET", "/faults")).json()) as { faults: unknown[] }).faults).toHaveLength(1);
    expect((await control(sim, "DELETE", "/faults")).status).toBe(204);
    expect((await list()).status).toBe(200);
  });

  it("fails token calls with 502 when the prefix targets OAuth", async () => {
    await control(sim, "POST", "/faults", { status: 502, pathPrefix: "/oauth/v3/token" });
    const response = await fetch(`${sim.url}/oauth/v3/token`, { method: "POST" });
    expect(response.status).toBe(502);
  });

  it("hangs without answering until the client gives up", async () => {
    await control(sim, "POST", "/faults", { mode: "hang", count: 1 });
    await expect(list(AbortSignal.timeout(200))).rejects.toThrow();
    expect((await list()).status).toBe(200);
    const hung = (await requestLog()).filter((entry) => entry.path === "/crm/v3/objects/contacts");
    expect(hung.map((entry) => entry.status)).toEqual([null, 200]);
  });

  it("adds latency to HubSpot paths only", async () => {
    await control(sim, "PATCH", "/config", { latencyMs: 60 });
    expect((await list()).status).toBe(200);
    const [entry] = (await requestLog()).filter((logged) => logged.path === "/crm/v3/objects/contacts");
    expect(entry?.durationMs).toBeGreaterThanOrEqual(55);
  });

  it("never faults the control API and validates fault input", async () => {
    await control(sim, "POST", "/faults", { status: 500, fraction: 1 });
    expect((await control(sim, "GET", "/health")).status).toBe(200);
    for (const bad of [
      { status: 418 },
      { status: 500, mode: "hang" },
      { status: 500, count: 1, fraction: 0.5 },
      { mode: "hang", pathPrefix: "crm" },
    ]) {
      const response = await control(sim, "POST", "/faults", bad);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: expect.any(String) });
    }
  });
});
