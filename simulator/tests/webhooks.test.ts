// App webhooks sent by the simulator (HUBSPOT-2026-03.md §0, §5): a JSON array of events, signed v3
// with the client secret, retried on non-2xx and timeouts; the events first happen in the store.
import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/server";
import { CLIENT_SECRET, connectPortal, control, startTestSimulator } from "./helpers";

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}
type Event = Record<string, unknown> & { objectId: number; subscriptionType?: string; eventType?: string; attemptNumber: number };

let sim: RunningSimulator;
let receiver: Server;
let targetUrl: string;
let received: Received[] = [];
/** What the receiver answers, in order; 200 once the script runs out. "hang" never answers. */
let script: (number | "hang")[] = [];
let accessToken: string;

beforeAll(async () => {
  sim = await startTestSimulator();
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      const answer = script.shift() ?? 200;
      if (answer !== "hang") res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  targetUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/hubspot?source=sim`;
});
afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
  await sim.close();
});
beforeEach(async () => {
  received = [];
  script = [];
  await control(sim, "POST", "/reset");
  await control(sim, "PATCH", "/config", { webhookTargetUrl: targetUrl, webhookRetryDelayMs: 5, webhookTimeoutMs: 300 });
  accessToken = (
    await connectPortal(sim, { scope: "oauth crm.objects.contacts.write crm.objects.contacts.read communication_preferences.read_write" })
  ).access_token;
});

async function api(path: string, body?: unknown) {
  const response = await fetch(`${sim.url}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { Authorization: `Bearer ${accessToken}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as { id: string; properties: Record<string, string>; results: { status: string }[] },
  };
}
const createContact = async (email: string, extra: Record<string, string> = {}) =>
  (await api("/crm/objects/2026-03/contacts", { properties: { email, ...extra } })).body.id;
async function send(body: Record<string, unknown>) {
  const response = await control(sim, "POST", "/webhooks/send", { portalId: 62515, ...body });
  return {
    status: response.status,
    body: (await response.json()) as {
      delivery: { state: string; attempts: { attemptNumber: number; status: number | null; error?: string }[] };
      error?: string;
    },
  };
}
const events = (request: Received | undefined) => JSON.parse(request?.body ?? "[]") as Event[];

describe("webhook batches", () => {
  it("privacy deletion: sends contact.privacyDeletion and contact.deletion, signed v3, and deletes the contact", async () => {
    const id = await createContact("gone@example.com");
    await api("/communication-preferences/2026-03/statuses/gone@example.com", {
      subscriptionId: 62515001,
      statusState: "SUBSCRIBED",
      channel: "EMAIL",
    });
    const sent = await send({ events: [{ type: "contact.privacyDeletion", objectId: id }] });
    expect(sent.status).toBe(200);
    expect(sent.body.delivery.state).toBe("delivered");

    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request?.method).toBe("POST");
    expect(request?.headers["content-type"]).toBe("application/json");
    const timestamp = request?.headers["x-hubspot-request-timestamp"] as string;
    expect(Math.abs(Date.now() - Number(timestamp))).toBeLessThan(60_000);
    const expected = createHmac("sha256", CLIENT_SECRET).update(`POST${targetUrl}${request?.body}${timestamp}`).digest("base64");
    expect(request?.headers["x-hubspot-signature-v3"]).toBe(expected);

    const batch = events(request);
    expect(batch.map((event) => event.subscriptionType).sort()).toEqual(["contact.deletion", "contact.privacyDeletion"]);
    for (const event of batch) {
      expect(event).toMatchObject({
        objectId: Number(id),
        portalId: 62515,
        appId: 456789,
        attemptNumber: 0,
        eventId: expect.any(Number),
        subscriptionId: expect.any(Number),
      });
      expect(event.occurredAt).toBeGreaterThan(Date.now() - 60_000);
    }
    expect((await api(`/crm/objects/2026-03/contacts/${id}`)).status).toBe(404);
    const statuses = await api("/communication-preferences/2026-03/statuses/gone@example.com?channel=EMAIL");
    expect(statuses.body.results.every((status) => status.status === "NOT_SPECIFIED")).toBe(true);
  });

  it("merge: names the merged ids and folds them into the primary contact", async () => {
    const primary = await createContact("keep@example.com");
    const merged = await createContact("old@example.com", { firstname: "Old" });
    await send({ events: [{ type: "contact.merge", primaryObjectId: primary, mergedObjectIds: [merged] }] });
    expect(events(received[0])[0]).toMatchObject({
      subscriptionType: "contact.merge",
      objectId: Number(primary),
      primaryObjectId: Number(primary),
      mergedObjectIds: [Number(merged)],
      newObjectId: Number(primary),
      numberOfPropertiesMoved: 1,
    });
    expect((await api(`/crm/objects/2026-03/contacts/${merged}`)).status).toBe(404);
    const kept = await api(`/crm/objects/2026-03/contacts/${primary}?properties=firstname,hs_additional_emails`);
    expect(kept.body.properties).toMatchObject({ firstname: "Old", hs_additional_emails: "old@example.com" });
  });

  it("property change and creation happen in the store; the type field can be eventType or both", async () => {
    const id = await createContact("change@example.com");
    await send({
      typeField: "both",
      shuffle: false,
      events: [
        { type: "contact.propertyChange", objectId: id, propertyName: "firstname", propertyValue: "Changed" },
        { type: "contact.creation", properties: { email: "made-in-ui@example.com" } },
      ],
    });
    const [change, creation] = events(received[0]);
    expect(change).toMatchObject({
      subscriptionType: "contact.propertyChange",
      eventType: "contact.propertyChange",
      propertyName: "firstname",
      propertyValue: "Changed",
      objectId: Number(id),
    });
    expect(creation).toMatchObject({ subscriptionType: "contact.creation", eventType: "contact.creation" });
    expect((await api(`/crm/objects/2026-03/contacts/${id}`)).body.properties.firstname).toBe("Changed");
    expect((await api(`/crm/objects/2026-03/contacts/made-in-ui@example.com?idProperty=email`)).body.id).toBe(String(creation?.objectId));

    await send({ typeField: "eventType", events: [{ type: "contact.creation", objectId: id }] });
    expect(events(received[1])[0]).not.toHaveProperty("subscriptionType");
    expect(events(received[1])[0]?.eventType).toBe("contact.creation");
  });

  it("retries non-2xx answers and timeouts with attemptNumber counting up, then gives up", async () => {
    const id = await createContact("retry@example.com");
    script = [500, "hang", 404];
    const sent = await send({ events: [{ type: "contact.creation", objectId: id }] });
    expect(sent.body.delivery.state).toBe("delivered");
    expect(sent.body.delivery.attempts.map((attempt) => attempt.status)).toEqual([500, null, 404, 200]);
    expect(sent.body.delivery.attempts[1]?.error).toMatch(/no answer within 300 ms/);
    expect(received.map((request) => events(request)[0]?.attemptNumber)).toEqual([0, 1, 2, 3]);
    const signatures = new Set(received.map((request) => request.headers["x-hubspot-signature-v3"]));
    expect(signatures.size).toBe(4);

    script = [503, 503, 503, 503];
    const failed = await send({ events: [{ type: "contact.creation", objectId: id }] });
    expect(failed.body.delivery.state).toBe("failed");
    const log = (await (await control(sim, "GET", "/webhooks/deliveries")).json()) as { deliveries: { state: string }[] };
    expect(log.deliveries.map((delivery) => delivery.state)).toEqual(["delivered", "failed"]);
  });

  it("refuses unknown contacts and a missing target URL without sending anything", async () => {
    expect((await send({ events: [{ type: "contact.deletion", objectId: "999" }] })).status).toBe(404);
    await control(sim, "PATCH", "/config", { webhookTargetUrl: null });
    const id = await createContact("x@example.com");
    expect((await send({ events: [{ type: "contact.deletion", objectId: id }] })).status).toBe(409);
    expect((await send({ events: [{ type: "contact.nonsense", objectId: id }] })).status).toBe(400);
    expect(received).toHaveLength(0);
    expect((await api(`/crm/objects/2026-03/contacts/${id}`)).status).toBe(200);
  });
});
