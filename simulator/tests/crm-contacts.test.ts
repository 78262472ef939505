import type { Client } from "@hubspot/api-client";
import { FilterOperatorEnum } from "@hubspot/api-client/lib/codegen/crm/contacts";
import { describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/server";
import { connectPortal, control, hubspot, JSON_TYPE, sdkError, withConnectedPortal } from "./helpers";

let sim: RunningSimulator;
let client: Client;
let accessToken: string;
withConnectedPortal((portal) => ({ sim, client, accessToken } = portal));

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

function rawCreate(properties: Record<string, unknown>): Promise<Response> {
  return fetch(`${sim.url}/crm/v3/objects/contacts`, {
    method: "POST",
    headers: { Authorization: `Bearer ${accessToken}`, "Content-Type": "application/json" },
    body: JSON.stringify({ properties }),
  });
}

describe("create and read", () => {
  it("creates a contact: 201 with HubSpot's object shape and headers", async () => {
    const response = await rawCreate({ email: "Ada@Example.com", firstname: "Ada", lastname: "Lovelace" });
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toMatch(JSON_TYPE);
    expect(response.headers.get("x-hubspot-ratelimit-max")).toBe("110");
    expect(response.headers.get("x-hubspot-ratelimit-interval-milliseconds")).toBe("10000");
    expect(response.headers.get("x-hubspot-ratelimit-remaining")).toBe("109");
    const body = (await response.json()) as { id: string; createdAt: string };
    expect(body).toEqual({
      id: expect.stringMatching(/^\d+$/),
      properties: {
        createdate: body.createdAt,
        email: "ada@example.com",
        firstname: "Ada",
        hs_marketable_status: "false",
        hs_object_id: body.id,
        lastmodifieddate: body.createdAt,
        lastname: "Lovelace",
      },
      createdAt: expect.stringMatching(ISO),
      updatedAt: body.createdAt,
      archived: false,
    });
  });

  it("works through the SDK: create, get by id, get by email, chosen properties", async () => {
    const created = await client.crm.contacts.basicApi.create({ properties: { email: "b@example.com", firstname: "B" }, associations: [] });
    expect(created.createdAt).toBeInstanceOf(Date);
    const byId = await client.crm.contacts.basicApi.getById(created.id);
    expect(byId.properties).toEqual({
      createdate: expect.stringMatching(ISO),
      email: "b@example.com",
      firstname: "B",
      hs_object_id: created.id,
      lastmodifieddate: expect.stringMatching(ISO),
    });
    const byEmail = await client.crm.contacts.basicApi.getById(
      "B@example.com",
      ["firstname", "phone"],
      undefined,
      undefined,
      false,
      "email",
    );
    expect(byEmail.id).toBe(created.id);
    expect(byEmail.properties).toMatchObject({ firstname: "B", phone: null, hs_object_id: created.id });
    expect(byEmail.properties).not.toHaveProperty("email");
  });

  it("answers 404 OBJECT_NOT_FOUND for an unknown id", async () => {
    const error = await sdkError(client.crm.contacts.basicApi.getById("999"));
    expect(error.code).toBe(404);
    expect(error.body).toMatchObject({ category: "OBJECT_NOT_FOUND", correlationId: expect.any(String) });
    expect(error.headers["content-type"]).toMatch(JSON_TYPE);
  });

  it("lists contacts page by page with an after cursor", async () => {
    for (const n of [1, 2, 3]) await client.crm.contacts.basicApi.create({ properties: { email: `p${n}@example.com` }, associations: [] });
    const first = await client.crm.contacts.basicApi.getPage(2);
    expect(first.results.map((contact) => contact.properties.email)).toEqual(["p1@example.com", "p2@example.com"]);
    expect(first.paging?.next?.after).toBeTruthy();
    const second = await client.crm.contacts.basicApi.getPage(2, first.paging?.next?.after);
    expect(second.results.map((contact) => contact.properties.email)).toEqual(["p3@example.com"]);
    expect(second.paging).toBeUndefined();
  });

  it("updates a contact with PATCH and refuses an email owned by another contact", async () => {
    const first = await client.crm.contacts.basicApi.create({ properties: { email: "first@example.com" }, associations: [] });
    const second = await client.crm.contacts.basicApi.create({ properties: { email: "second@example.com" }, associations: [] });
    const updated = await client.crm.contacts.basicApi.update(first.id, { properties: { firstname: "Changed" } });
    expect(updated.properties).toMatchObject({ email: "first@example.com", firstname: "Changed" });
    const conflict = await sdkError(client.crm.contacts.basicApi.update(first.id, { properties: { email: "second@example.com" } }));
    expect(conflict.code).toBe(409);
    expect(conflict.body).toMatchObject({ message: `Contact already exists. Existing ID: ${second.id}` });
    expect((await sdkError(client.crm.contacts.basicApi.update("424242", { properties: { firstname: "X" } }))).code).toBe(404);
  });

  it("keeps contacts per portal", async () => {
    const mine = await client.crm.contacts.basicApi.create({ properties: { email: "only-62515@example.com" }, associations: [] });
    const other = hubspot(sim, (await connectPortal(sim, { portalId: 70001, optionalScope: "" })).access_token);
    // The same email is no conflict in another portal: it becomes that portal's own contact.
    const created = await other.crm.contacts.basicApi.create({ properties: { email: "only-62515@example.com" }, associations: [] });
    expect(created.id).not.toBe(mine.id);
    const listing = (await (await control(sim, "GET", "/portals/70001/contacts")).json()) as { total: number };
    expect(listing.total).toBe(1);
  });
});

describe("create errors", () => {
  it("409 CONFLICT on a duplicate email, naming the existing id", async () => {
    const existing = await client.crm.contacts.basicApi.create({ properties: { email: "dup@example.com" }, associations: [] });
    const error = await sdkError(client.crm.contacts.basicApi.create({ properties: { email: "DUP@example.com" }, associations: [] }));
    expect(error.code).toBe(409);
    expect(error.body).toMatchObject({ category: "CONFLICT", message: `Contact already exists. Existing ID: ${existing.id}` });
    expect(error.headers["x-hubspot-ratelimit-remaining"]).toBeDefined();
    const raw = await rawCreate({ email: "dup@example.com" });
    expect(await raw.json()).toEqual({
      status: "error",
      message: `Contact already exists. Existing ID: ${existing.id}`,
      correlationId: expect.any(String),
      category: "CONFLICT",
    });
  });

  it("400 VALIDATION_ERROR / INVALID_EMAIL with HubSpot's message format", async () => {
    const error = await sdkError(client.crm.contacts.basicApi.create({ properties: { email: "example.lcom" }, associations: [] }));
    expect(error.code).toBe(400);
    expect(error.body).toMatchObject({
      category: "VALIDATION_ERROR",
      message:
        'Property values were not valid: [{"isValid":false,"message":"Email address example.lcom is invalid","error":"INVALID_EMAIL","name":"email"}]',
    });
    const raw = await rawCreate({ email: "no-at-sign" });
    expect(raw.status).toBe(400);
    expect(raw.headers.get("content-type")).toMatch(JSON_TYPE);
    expect(await raw.json()).toMatchObject({ status: "error", category: "VALIDATION_ERROR", correlationId: expect.any(String) });
  });

  it("400 for properties that don't exist and for malformed JSON", async () => {
    const error = await sdkError(client.crm.contacts.basicApi.create({ properties: { favourite_colour: "teal" }, associations: [] }));
    expect(error.code).toBe(400);
    expect(String(error.body.message)).toContain('"error":"PROPERTY_DOESNT_EXIST","name":"favourite_colour"');
    const raw = await fetch(`${sim.url}/crm/v3/objects/contacts`, {
      method: "POST",
      headers: { Authorization: `Bearer ${accessToken}`, "Content-Type": "application/json" },
      body: "{nope",
    });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toMatchObject({ category: "VALIDATION_ERROR" });
  });
});

describe("search", () => {
  const byEmail = (email: string) => ({
    filterGroups: [{ filters: [{ propertyName: "email", operator: FilterOperatorEnum.Eq, value: email }] }],
    properties: ["email", "firstname"],
    limit: 10,
    after: "0",
    sorts: [],
  });

  it("finds a contact by email, case-insensitively", async () => {
    const created = await client.crm.contacts.basicApi.create({
      properties: { email: "find@example.com", firstname: "F" },
      associations: [],
    });
    const result = await client.crm.contacts.searchApi.doSearch(byEmail("FIND@example.com"));
    expect(result.total).toBe(1);
    expect(result.results[0]?.id).toBe(created.id);
    expect(result.results[0]?.properties).toMatchObject({ email: "find@example.com", firstname: "F" });
    expect((await client.crm.contacts.searchApi.doSearch(byEmail("missing@example.com"))).total).toBe(0);
  });

  it("hides new contacts until the indexing lag has passed", async () => {
    await control(sim, "PATCH", "/config", { searchLagMs: 60_000 });
    await client.crm.contacts.basicApi.create({ properties: { email: "lag@example.com" }, associations: [] });
    expect((await client.crm.contacts.searchApi.doSearch(byEmail("lag@example.com"))).total).toBe(0);
    await control(sim, "PATCH", "/config", { searchLagMs: 0 });
    expect((await client.crm.contacts.searchApi.doSearch(byEmail("lag@example.com"))).total).toBe(1);
  });

  it("pages through OR-ed filter groups", async () => {
    for (const n of [1, 2, 3])
      await client.crm.contacts.basicApi.create({ properties: { email: `s${n}@example.com`, lastname: "Same" }, associations: [] });
    const request = {
      filterGroups: [
        { filters: [{ propertyName: "lastname", operator: FilterOperatorEnum.Eq, value: "same" }] },
        { filters: [{ propertyName: "email", operator: FilterOperatorEnum.Eq, value: "nobody@example.com" }] },
      ],
      properties: [],
      limit: 2,
      after: "0",
      sorts: [],
    };
    const first = await client.crm.contacts.searchApi.doSearch(request);
    expect(first.total).toBe(3);
    expect(first.results).toHaveLength(2);
    const second = await client.crm.contacts.searchApi.doSearch({ ...request, after: first.paging?.next?.after ?? "" });
    expect(second.results.map((contact) => contact.properties.email)).toEqual(["s3@example.com"]);
  });
});
