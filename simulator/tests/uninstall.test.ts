// Uninstall (HUBSPOT-2026-03.md §0): by the app with DELETE /appinstalls/2026-03/external-install, or
// "in HubSpot's UI" through the control API. Every grant in the portal ends, the next refresh answers
// 400 BAD_REFRESH_TOKEN / invalid_grant, the admins get a mail and webhooks stop.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/server";
import { CLIENT_ID, CLIENT_SECRET, connectPortal, control, startTestSimulator, tokenRequest } from "./helpers";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.close());
beforeEach(async () => {
  await control(sim, "POST", "/reset");
});

const UNINSTALL = "/appinstalls/2026-03/external-install";
const uninstallWith = (accessToken: string) =>
  fetch(`${sim.url}${UNINSTALL}`, { method: "DELETE", headers: { Authorization: `Bearer ${accessToken}` } });
const refresh = (refreshToken: string) =>
  tokenRequest(
    sim,
    { grant_type: "refresh_token", refresh_token: refreshToken, client_id: CLIENT_ID, client_secret: CLIENT_SECRET },
    "/oauth/2026-03/token",
  );
const contactsWith = (accessToken: string) =>
  fetch(`${sim.url}/crm/objects/2026-03/contacts`, { headers: { Authorization: `Bearer ${accessToken}` } });
const mails = async () =>
  ((await (await control(sim, "GET", "/mails")).json()) as { mails: { to: string; subject: string; portalId: number }[] }).mails;

describe("uninstall", () => {
  it("by the app: 204, every grant in the portal ends, other portals keep theirs, the admins are mailed", async () => {
    const first = await connectPortal(sim);
    const second = await connectPortal(sim);
    const elsewhere = await connectPortal(sim, { portalId: 70001, optionalScope: "" });
    const response = await uninstallWith(first.access_token);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");

    for (const grant of [first, second]) {
      const refused = await refresh(grant.refresh_token);
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ status: "BAD_REFRESH_TOKEN", error: "invalid_grant" });
      expect((await contactsWith(grant.access_token)).status).toBe(401);
    }
    expect((await refresh(elsewhere.refresh_token)).status).toBe(200);

    const log = (await (await control(sim, "GET", "/requests")).json()) as {
      requests: { method: string; path: string; status: number; mail?: { to: string } }[];
    };
    expect(log.requests.find((entry) => entry.path === UNINSTALL)).toMatchObject({
      method: "DELETE",
      status: 204,
      mail: { to: "admin@demo-62515.hubspot.test" },
    });
    expect(await mails()).toEqual([
      expect.objectContaining({ to: "admin@demo-62515.hubspot.test", portalId: 62515, subject: expect.stringMatching(/uninstalled/) }),
    ]);
  });

  it("needs a live access token", async () => {
    expect((await uninstallWith("not-a-token")).status).toBe(401);
    expect(await mails()).toEqual([]);
  });

  it("in HubSpot's UI (control API): same effect, no call from the app; webhooks stop until a new install", async () => {
    const grant = await connectPortal(sim);
    const response = await control(sim, "POST", "/portals/62515/uninstall");
    expect(await response.json()).toMatchObject({
      portalId: 62515,
      revokedAccessTokens: 1,
      revokedRefreshTokens: 1,
      mail: { to: "admin@demo-62515.hubspot.test" },
    });
    expect((await refresh(grant.refresh_token)).status).toBe(400);
    const send = () =>
      control(sim, "POST", "/webhooks/send", {
        portalId: 62515,
        targetUrl: "http://127.0.0.1:9/x",
        wait: false,
        events: [{ type: "contact.creation", properties: { email: "a@example.com" } }],
      });
    expect((await send()).status).toBe(409);
    await connectPortal(sim);
    expect((await send()).status).toBe(202);
  });
});
