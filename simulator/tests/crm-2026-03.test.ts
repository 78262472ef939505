// The date-versioned contacts API and HubSpot's documented batch-upsert-by-email semantics: no
// partial upserts (one bad input fails the batch), additional emails as unique identifiers,
// objectWriteTraceId echoed on results and errors, emails lowercased.
import { describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/server";
import { control, withConnectedPortal } from "./helpers";

let sim: RunningSimulator;
let accessToken: string;
withConnectedPortal((portal) => ({ sim, accessToken } = portal));

const V2026 = "/crm/objects/2026-03/contacts";
const V3 = "/crm/v3/objects/contacts";

async function call(path: string, body?: unknown, method = body === undefined ? "GET" : "POST") {
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${accessToken}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

const input = (email: string, traceId?: string) => ({
  id: email,
  idProperty: "email",
  properties: { email, firstname: "Reader" },
  ...(traceId ? { objectWriteTraceId: traceId } : {}),
});
const storedEmails = async () =>
  ((await (await control(sim, "GET", "/portals/62515/contacts")).json()) as { results: { properties: { email: string } }[] }).results.map(
    (c) => c.properties.email,
  );

describe("contacts on 2026-03 and v3 paths", () => {
  it("serves create, read, list and batch upsert on both path families against one store", async () => {
    const created = await call(V2026, { properties: { email: "both@example.com" } });
    expect(created.status).toBe(201);
    const id = String(created.body.id);
    expect((await call(`${V3}/${id}`)).body).toMatchObject({ id, properties: { email: "both@example.com" } });
    expect((await call(`${V2026}/both@example.com?idProperty=email`)).body).toMatchObject({ id });
    expect(((await call(`${V3}?limit=10`)).body.results as unknown[]).length).toBe(1);
    for (const path of [V2026, V3]) {
      const upsert = await call(`${path}/batch/upsert`, { inputs: [input("both@example.com", "t1")] });
      expect(upsert.status).toBe(200);
      expect(upsert.body.results).toEqual([expect.objectContaining({ id, new: false, objectWriteTraceId: "t1" })]);
    }
    expect(await storedEmails()).toEqual(["both@example.com"]);
  });
});

describe("batch upsert by email (HubSpot's documented semantics, the default)", () => {
  it("echoes each input's objectWriteTraceId and returns emails lowercased", async () => {
    const response = await call(`${V2026}/batch/upsert`, {
      inputs: [input("Mixed.Case@Example.COM", "sig-1"), input("plain@example.com", "sig-2")],
    });
    expect(response.status).toBe(200);
    const results = response.body.results as { objectWriteTraceId: string; properties: { email: string }; new: boolean }[];
    expect(results.map((result) => [result.objectWriteTraceId, result.properties.email, result.new]).sort()).toEqual([
      ["sig-1", "mixed.case@example.com", true],
      ["sig-2", "plain@example.com", true],
    ]);
  });

  it("fails the whole batch with 400 VALIDATION_ERROR for one invalid address and writes nothing", async () => {
    const response = await call(`${V2026}/batch/upsert`, {
      inputs: [input("fine@example.com", "a"), input("odd@example-.com", "b"), input("also@example.com", "c")],
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      status: "error",
      category: "VALIDATION_ERROR",
      message: expect.stringContaining("Email address odd@example-.com is invalid"),
    });
    expect(await storedEmails()).toEqual([]);
  });

  it("fails the whole batch with 409 when an address is another contact's additional email", async () => {
    const owner = await call(V2026, { properties: { email: "owner@example.com" } });
    const added = await control(sim, "POST", `/portals/62515/contacts/${String(owner.body.id)}/additional-emails`, {
      email: "Alias@Example.com",
    });
    expect(added.status).toBe(200);
    expect(((await added.json()) as { properties: Record<string, string> }).properties.hs_additional_emails).toBe("alias@example.com");
    const response = await call(`${V2026}/batch/upsert`, { inputs: [input("new@example.com", "a"), input("ALIAS@example.com", "b")] });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({
      category: "OBJECT_ALREADY_EXISTS",
      message: `Contact already exists. Existing ID: ${String(owner.body.id)}`,
    });
    expect(await storedEmails()).toEqual(["owner@example.com"]);
    // Creating it as a contact of its own is refused the same way.
    expect((await call(V3, { properties: { email: "alias@example.com" } })).status).toBe(409);
  });

  it("in multi-status mode answers 207, naming failed inputs by objectWriteTraceId and writing the rest", async () => {
    await control(sim, "PATCH", "/config", { upsertFailureMode: "multi-status" });
    const owner = await call(V2026, { properties: { email: "owner@example.com" } });
    await control(sim, "POST", `/portals/62515/contacts/${String(owner.body.id)}/additional-emails`, { email: "alias@example.com" });
    const response = await call(`${V2026}/batch/upsert`, {
      inputs: [input("ok@example.com", "a"), input("bad@", "b"), input("alias@example.com", "c")],
    });
    expect(response.status).toBe(207);
    expect(response.body.numErrors).toBe(2);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ category: "VALIDATION_ERROR", context: { objectWriteTraceId: ["b"] } }),
      expect.objectContaining({ category: "OBJECT_ALREADY_EXISTS", context: { objectWriteTraceId: ["c"] } }),
    ]);
    expect(response.body.results).toEqual([expect.objectContaining({ objectWriteTraceId: "a" })]);
    expect((await storedEmails()).sort()).toEqual(["ok@example.com", "owner@example.com"]);
  });
});
