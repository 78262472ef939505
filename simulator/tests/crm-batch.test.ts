import type { Client } from "@hubspot/api-client";
import { describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/server";
import { connectPortal, control, JSON_TYPE, sdkError, withConnectedPortal } from "./helpers";

let sim: RunningSimulator;
let client: Client;
withConnectedPortal((portal) => ({ sim, client } = portal));

const upsertInput = (email: string, properties: Record<string, string> = {}) => ({ id: email, idProperty: "email", properties });
const storedTotal = async () => ((await (await control(sim, "GET", "/portals/62515/contacts")).json()) as { total: number }).total;

describe("batch/create", () => {
  it("creates every input: 201 COMPLETE with results and timestamps", async () => {
    const response = await client.crm.contacts.batchApi.create({
      inputs: [1, 2, 3].map((n) => ({ properties: { email: `c${n}@example.com` }, associations: [] })),
    });
    expect(response.status).toBe("COMPLETE");
    expect(response.results.map((contact) => contact.properties.email).sort()).toEqual([
      "c1@example.com",
      "c2@example.com",
      "c3@example.com",
    ]);
    expect(response.startedAt).toBeInstanceOf(Date);
    expect(response.completedAt).toBeInstanceOf(Date);
    expect(await storedTotal()).toBe(3);
  });

  it("fails the whole batch with 409 when one email already exists", async () => {
    const existing = await client.crm.contacts.basicApi.create({ properties: { email: "taken@example.com" }, associations: [] });
    const error = await sdkError(
      client.crm.contacts.batchApi.create({
        inputs: [
          { properties: { email: "fresh@example.com" }, associations: [] },
          { properties: { email: "taken@example.com" }, associations: [] },
        ],
      }),
    );
    expect(error.code).toBe(409);
    expect(error.body).toMatchObject({ category: "CONFLICT", message: `Contact already exists. Existing ID: ${existing.id}` });
    expect(await storedTotal()).toBe(1);
  });

  it("rejects more than 100 inputs with 400 VALIDATION_ERROR", async () => {
    const inputs = Array.from({ length: 101 }, (_, n) => ({ properties: { email: `many${n}@example.com` }, associations: [] }));
    const error = await sdkError(client.crm.contacts.batchApi.create({ inputs }));
    expect(error.code).toBe(400);
    expect(error.body).toMatchObject({ category: "VALIDATION_ERROR" });
    expect(await storedTotal()).toBe(0);
  });
});

describe("batch/upsert by email", () => {
  it("creates and updates: 200 with new=true|false on each result", async () => {
    await client.crm.contacts.basicApi.create({ properties: { email: "old@example.com", firstname: "Old" }, associations: [] });
    const response = await client.crm.contacts.batchApi.upsert({
      inputs: [upsertInput("old@example.com", { firstname: "Renamed" }), upsertInput("New@Example.com", { firstname: "New" })],
    });
    expect(response.status).toBe("COMPLETE");
    expect("numErrors" in response && response.numErrors).toBeFalsy();
    const byEmail = Object.fromEntries(response.results.map((result) => [result.properties.email, result]));
    expect(byEmail["old@example.com"]).toMatchObject({ _new: false, properties: { firstname: "Renamed" } });
    expect(byEmail["new@example.com"]).toMatchObject({ _new: true, properties: { firstname: "New" } });
    expect(await storedTotal()).toBe(2);
  });

  it("puts the wire field `new` on results and answers 200 with JSON", async () => {
    const { access_token } = await connectPortal(sim);
    const response = await fetch(`${sim.url}/crm/v3/objects/contacts/batch/upsert`, {
      method: "POST",
      headers: { Authorization: `Bearer ${access_token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ inputs: [upsertInput("wire@example.com")] }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(JSON_TYPE);
    expect(response.headers.get("x-hubspot-ratelimit-remaining")).toMatch(/^\d+$/);
    const body = (await response.json()) as { results: { new: boolean }[] };
    expect(body).toMatchObject({ status: "COMPLETE", startedAt: expect.any(String), completedAt: expect.any(String) });
    expect(body.results[0]?.new).toBe(true);
  });

  it("in multi-status mode answers 207 with numErrors and errors[] when some inputs are invalid", async () => {
    await control(sim, "PATCH", "/config", { upsertFailureMode: "multi-status" });
    const response = await client.crm.contacts.batchApi.upsert({
      inputs: [upsertInput("good@example.com"), upsertInput("bad-email"), upsertInput("also.bad@")],
    });
    expect(response.results).toHaveLength(1);
    expect("numErrors" in response ? response.numErrors : 0).toBe(2);
    const errors = "errors" in response ? (response.errors ?? []) : [];
    expect(errors[0]).toMatchObject({
      status: "error",
      category: "VALIDATION_ERROR",
      message: expect.stringContaining('"message":"Email address bad-email is invalid","error":"INVALID_EMAIL"'),
      context: { ids: ["bad-email"] },
    });
    expect(await storedTotal()).toBe(1);
  });

  it("rejects duplicate ids, a non-email idProperty and more than 100 inputs", async () => {
    const duplicate = await sdkError(
      client.crm.contacts.batchApi.upsert({ inputs: [upsertInput("a@example.com"), upsertInput("A@example.com")] }),
    );
    expect(duplicate.code).toBe(400);
    expect(String(duplicate.body.message)).toContain("Duplicate IDs found in batch input");
    const wrongId = await sdkError(client.crm.contacts.batchApi.upsert({ inputs: [{ id: "1", idProperty: "phone", properties: {} }] }));
    expect(wrongId.code).toBe(400);
    const inputs = Array.from({ length: 101 }, (_, n) => upsertInput(`u${n}@example.com`));
    const tooMany = await sdkError(client.crm.contacts.batchApi.upsert({ inputs }));
    expect(tooMany.code).toBe(400);
    expect(tooMany.body).toMatchObject({ category: "VALIDATION_ERROR", message: expect.stringContaining("100") });
  });

  it("accepts exactly 100 inputs", async () => {
    const inputs = Array.from({ length: 100 }, (_, n) => upsertInput(`hundred${n}@example.com`));
    const response = await client.crm.contacts.batchApi.upsert({ inputs });
    expect(response.results).toHaveLength(100);
    expect(await storedTotal()).toBe(100);
  });
});
