// Scale (issue 23, item 3): portals from a file instead of one environment variable, portals created
// on demand, and 10,000 portals served without a per-request scan.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { simulatorOptionsFromEnv } from "../src/env";
import type { RunningSimulator } from "../src/server";
import { CLIENT_ID, connectPortal, control, postDecision, REDIRECT_URI, startTestSimulator } from "./helpers";

let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

function portalsFile(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), "sim-portals-")), "portals.json");
  writeFileSync(path, JSON.stringify(content));
  return path;
}
const portalIds = async (running: RunningSimulator) =>
  ((await (await control(running, "GET", "/portals")).json()) as { portals: { id: number }[] }).portals.map((portal) => portal.id);

describe("many portals", () => {
  it("reads 10,000 portals from HUBSPOT_SIM_PORTALS_FILE (bare ids or objects) and connects any of them", async () => {
    const ids = Array.from({ length: 10_000 }, (_, index) => 1_000_000 + index);
    const options = simulatorOptionsFromEnv({
      HUBSPOT_SIM_PORTALS_FILE: portalsFile([...ids.slice(0, -1), { id: ids.at(-1), name: "Last one" }]),
    });
    sim = await startTestSimulator({ portals: options.portals });
    expect((await portalIds(sim)).length).toBe(10_000);
    const grant = await connectPortal(sim, { portalId: 1_009_999 });
    expect(grant.hub_id).toBe(1_009_999);
    const pinned = await fetch(
      `${sim.url}/oauth/1005000/authorize?${new URLSearchParams({ client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, scope: "oauth" })}`,
    );
    expect(await pinned.text()).toContain("Hub ID 1005000");
    const unpinned = await (
      await fetch(`${sim.url}/oauth/authorize?${new URLSearchParams({ client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, scope: "oauth" })}`)
    ).text();
    expect(unpinned.match(/name="portal_id"/g)).toHaveLength(50);
  });

  it("stops on an unreadable or invalid portals file, and on both sources at once", () => {
    expect(() => simulatorOptionsFromEnv({ HUBSPOT_SIM_PORTALS_FILE: "/nonexistent/portals.json" })).toThrow(
      /^Invalid HUBSPOT_SIM_PORTALS_FILE: cannot read/,
    );
    expect(() => simulatorOptionsFromEnv({ HUBSPOT_SIM_PORTALS_FILE: portalsFile([1, 1]) })).toThrow(/^Invalid HUBSPOT_SIM_PORTALS_FILE/);
    expect(() => simulatorOptionsFromEnv({ HUBSPOT_SIM_PORTALS: "[5]", HUBSPOT_SIM_PORTALS_FILE: portalsFile([6]) })).toThrow(/not both/);
    expect(simulatorOptionsFromEnv({ HUBSPOT_SIM_PORTALS: "[5]" }).portals).toEqual([
      expect.objectContaining({ id: 5, hubDomain: "portal-5.hubspot.test", userEmail: "admin@portal-5.hubspot.test" }),
    ]);
  });

  it("creates portals named in the consent form or the control API when createPortalsOnDemand is on", async () => {
    sim = await startTestSimulator(simulatorOptionsFromEnv({ HUBSPOT_SIM_CREATE_PORTALS_ON_DEMAND: "true", HUBSPOT_SIM_PORT: "0" }));
    const grant = await connectPortal(sim, { portalId: 424242 });
    expect(grant.hub_id).toBe(424242);
    expect((await control(sim, "GET", "/portals/515151/contacts")).status).toBe(200);
    expect(await portalIds(sim)).toEqual(expect.arrayContaining([62515, 424242, 515151]));
  });

  it("refuses unknown portals when on-demand creation is off, and adds portals through POST /_sim/portals", async () => {
    sim = await startTestSimulator();
    expect((await postDecision(sim, { portalId: 424242 })).status).toBe(400);
    expect((await control(sim, "GET", "/portals/424242/contacts")).status).toBe(404);
    const added = await control(sim, "POST", "/portals", [424242, { id: 424243, dataPrivacy: true }]);
    expect(added.status).toBe(201);
    expect((await connectPortal(sim, { portalId: 424242 })).hub_id).toBe(424242);
    expect((await control(sim, "POST", "/portals", { id: -3 })).status).toBe(400);
    expect((await control(sim, "PATCH", "/config", { createPortalsOnDemand: true })).status).toBe(200);
    expect((await connectPortal(sim, { portalId: 99 })).hub_id).toBe(99);
  });
});
