// Browsers must not be able to drive the simulator: no cross-origin or form-encoded control calls,
// no requests under a DNS-rebound hostname. Server-side callers (the app, the SDK) are unaffected.
import { request } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/server";
import { connectPortal, control, postDecision, startTestSimulator } from "./helpers";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.close());
beforeEach(() => control(sim, "POST", "/reset"));

type Sent = { method: string; path: string; headers?: Record<string, string>; body?: string };

/** node:http rather than fetch: the tests need to send any Host header, as a rebound browser would. */
function send({ method, path, headers = {}, body }: Sent): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      `${sim.url}${path}`,
      { method, headers: body === undefined ? headers : { ...headers, "Content-Length": Buffer.byteLength(body) } },
      (incoming) => {
        let text = "";
        incoming.setEncoding("utf8");
        incoming.on("data", (chunk: string) => (text += chunk));
        incoming.on("end", () => resolve({ status: incoming.statusCode ?? 0, text }));
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

const faultCount = async () => ((await (await control(sim, "GET", "/faults")).json()) as { faults: unknown[] }).faults.length;
const fault = JSON.stringify({ status: 503, count: 5 });
const ownHost = () => new URL(sim.url).host;

describe("control API from a browser", () => {
  it("refuses a cross-origin text/plain POST (a form on any page) and creates no fault", async () => {
    const response = await send({
      method: "POST",
      path: "/_sim/faults",
      body: fault,
      headers: { Host: ownHost(), Origin: "http://localhost:3000", "Content-Type": "text/plain" },
    });
    expect(response.status).toBe(403);
    expect(await faultCount()).toBe(0);
  });

  it("refuses a control body that is not declared application/json, Origin or not", async () => {
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const response = await send({ method: "POST", path: "/_sim/faults", body: fault, headers: { "Content-Type": contentType } });
      expect(response.status, contentType).toBe(415);
    }
    expect((await send({ method: "POST", path: "/_sim/faults", body: fault })).status).toBe(415);
    expect(await faultCount()).toBe(0);
  });

  it("still takes JSON control calls and bodiless ones from servers", async () => {
    const added = await send({ method: "POST", path: "/_sim/faults", body: fault, headers: { "Content-Type": "application/json" } });
    expect(added.status).toBe(201);
    expect(await faultCount()).toBe(1);
    expect((await send({ method: "POST", path: "/_sim/reset" })).status).toBe(200);
    expect(await faultCount()).toBe(0);
  });
});

describe("every route", () => {
  it.each(["/_sim/health", "/_sim/requests", "/oauth/authorize?client_id=x", "/crm/v3/objects/contacts"])(
    "refuses %s under a non-loopback Host (DNS rebinding)",
    async (path) => {
      for (const host of ["attacker.example", `rebind.attacker.example:${sim.port}`, "10.0.0.7:80"]) {
        const response = await send({ method: "GET", path, headers: { Host: host } });
        expect(response.status, `Host ${JSON.stringify(host)}`).toBe(403);
      }
    },
  );

  it("answers under any loopback name", async () => {
    for (const host of [`127.0.0.1:${sim.port}`, `localhost:${sim.port}`, "localhost", `[::1]:${sim.port}`, "127.8.9.10"]) {
      expect((await send({ method: "GET", path: "/_sim/health", headers: { Host: host } })).status, host).toBe(200);
    }
  });

  it("refuses OAuth and CRM calls that a page on another origin makes", async () => {
    const tokens = await connectPortal(sim);
    const crm = await send({
      method: "GET",
      path: "/crm/v3/objects/contacts",
      headers: { Origin: "http://localhost:3000", Authorization: `Bearer ${tokens.access_token}` },
    });
    expect(crm.status).toBe(403);
    const token = await send({
      method: "POST",
      path: "/oauth/v3/token",
      body: "grant_type=refresh_token",
      headers: { Origin: "null", "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(token.status).toBe(403);
  });

  it("accepts the consent form posted from the simulator's own page", async () => {
    const form = new URLSearchParams({
      client_id: "switchboard-local",
      redirect_uri: "http://localhost:3000/api/integrations/hubspot/callback",
      scope: "oauth crm.objects.contacts.write",
      state: "s",
      portal_id: "62515",
      decision: "grant",
    });
    const own = await send({
      method: "POST",
      path: "/oauth/authorize/decision",
      body: form.toString(),
      headers: { Origin: `http://${ownHost()}`, "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(own.status).toBe(302);
    expect((await postDecision(sim)).status).toBe(302); // and from a server, with no Origin at all
  });
});
