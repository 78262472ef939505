// Contact properties 2026-03 (HUBSPOT-2026-03.md §7) and lists 2026-03 (§6): HubSpot-defined and custom
// properties, enumeration options enforced on writes, MANUAL/DYNAMIC lists, search and memberships.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/server";
import { connectPortal, control, startTestSimulator } from "./helpers";

let sim: RunningSimulator;
let accessToken: string;
const ALL = "oauth crm.objects.contacts.write crm.objects.contacts.read crm.schemas.contacts.write crm.lists.read crm.lists.write";
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.close());
beforeEach(async () => {
  await control(sim, "POST", "/reset");
  accessToken = await token(ALL);
});

const token = async (scope: string) => (await connectPortal(sim, { scope, optionalScope: "" })).access_token;
type Json = Record<string, unknown> & { results?: Json[]; list?: Json; lists?: Json[]; message?: string; category?: string; id?: string };

async function call(path: string, body?: unknown, method = body === undefined ? "GET" : "POST", bearer = accessToken) {
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${bearer}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Json };
}
const PROPERTIES = "/crm/properties/2026-03/contacts";
const LISTS = "/crm/lists/2026-03";
const tier = {
  name: "tier",
  label: "Tier",
  type: "enumeration",
  fieldType: "select",
  groupName: "contactinformation",
  options: [
    { label: "Gold", value: "gold" },
    { label: "Silver", value: "silver" },
  ],
};
const createContact = async (properties: Record<string, string>) => call("/crm/objects/2026-03/contacts", { properties });

describe("properties", () => {
  it("lists HubSpot-defined properties with read-only ones flagged and enumeration options", async () => {
    const { status, body } = await call(PROPERTIES);
    expect(status).toBe(200);
    const byName = new Map(body.results?.map((property) => [property.name, property]));
    expect(byName.get("hs_marketable_status")).toMatchObject({
      type: "enumeration",
      hubspotDefined: true,
      modificationMetadata: { readOnlyValue: true },
    });
    expect(byName.get("email")).toMatchObject({ type: "string", fieldType: "text", modificationMetadata: { readOnlyValue: false } });
    expect(byName.get("lifecyclestage")?.options).toContainEqual(expect.objectContaining({ value: "subscriber", label: "Subscriber" }));
    expect((await call(PROPERTIES, undefined, "GET", await token("oauth crm.schemas.contacts.read"))).status).toBe(200);
    expect((await call(PROPERTIES, undefined, "GET", await token("oauth crm.lists.read"))).status).toBe(403);
  });

  it("creates custom properties with the schema scope (201 + Location), refusing duplicates and option-less enumerations", async () => {
    const created = await call(PROPERTIES, tier);
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe(`${PROPERTIES}/tier`);
    expect(created.body).toMatchObject({
      name: "tier",
      hubspotDefined: false,
      options: [expect.objectContaining({ value: "gold" }), expect.objectContaining({ value: "silver" })],
    });
    expect((await call(`${PROPERTIES}/tier`)).body.name).toBe("tier");
    expect((await call(PROPERTIES, tier)).status).toBe(409);
    expect((await call(PROPERTIES, { ...tier, name: "other", options: [] })).status).toBe(400);
    expect((await call(PROPERTIES, { ...tier, name: "hs_mine" })).status).toBe(400);
    expect((await call(PROPERTIES, { ...tier, name: "third" }, "POST", await token("oauth crm.objects.contacts.read"))).status).toBe(403);
    const viaControl = await control(sim, "POST", "/portals/62515/properties", {
      ...tier,
      name: "region",
      type: "string",
      fieldType: "text",
      options: undefined,
    });
    expect(viaControl.status).toBe(201);
    expect((await createContact({ email: "r@example.com", region: "north" })).status).toBe(201);
  });

  it("validates enumeration values on contact writes", async () => {
    await call(PROPERTIES, tier);
    const bad = await createContact({ email: "a@example.com", tier: "bronze" });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('"error":"INVALID_OPTION","name":"tier"');
    expect((await createContact({ email: "a@example.com", tier: "gold", lifecyclestage: "subscriber" })).status).toBe(201);
    expect((await createContact({ email: "b@example.com", lifecyclestage: "bogus" })).status).toBe(400);
    expect((await createContact({ email: "c@example.com", hs_legal_basis: "Performance of a contract;Not applicable" })).status).toBe(201);
    expect((await createContact({ email: "d@example.com", hs_legal_basis: "Performance of a contract;Whatever" })).status).toBe(400);
  });
});

describe("properties on batch upserts by email", () => {
  const UPSERT = "/crm/objects/2026-03/contacts/batch/upsert";
  const input = (email: string, trace: string, properties: Record<string, string> = {}) => ({
    id: email,
    idProperty: "email",
    objectWriteTraceId: trace,
    properties,
  });
  const refusals = [
    ["an unknown property", { favourite_colour: "blue" }, '"error":"PROPERTY_DOESNT_EXIST","name":"favourite_colour"'],
    ["a read-only property", { hs_marketable_status: "true" }, '"error":"READ_ONLY_VALUE","name":"hs_marketable_status"'],
    ["a value outside the options", { tier: "bronze" }, '"error":"INVALID_OPTION","name":"tier"'],
  ] as const;

  it.each(refusals)("refuses the whole batch (400 VALIDATION_ERROR) for %s and writes nothing", async (_what, properties, error) => {
    await call(PROPERTIES, tier);
    const response = await call(UPSERT, {
      inputs: [input("fine@example.com", "a", { tier: "gold" }), input("odd@example.com", "b", properties)],
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ status: "error", category: "VALIDATION_ERROR" });
    expect(response.body.message).toContain(error);
    expect(await (await control(sim, "GET", "/portals/62515/contacts")).json()).toMatchObject({ total: 0 });
  });

  it.each(refusals)(
    "in multi-status mode names the input with %s by its objectWriteTraceId (207) and writes the rest",
    async (_what, properties, error) => {
      await call(PROPERTIES, tier);
      await control(sim, "PATCH", "/config", { upsertFailureMode: "multi-status" });
      const response = await call(UPSERT, {
        inputs: [input("fine@example.com", "a", { tier: "gold" }), input("odd@example.com", "b", properties)],
      });
      expect(response.status).toBe(207);
      expect(response.body).toMatchObject({
        numErrors: 1,
        errors: [expect.objectContaining({ category: "VALIDATION_ERROR", context: { objectWriteTraceId: ["b"] } })],
        results: [expect.objectContaining({ objectWriteTraceId: "a", properties: expect.objectContaining({ tier: "gold" }) })],
      });
      expect((response.body.errors as Json[])[0]?.message).toContain(error);
    },
  );
});

describe("an admin changing custom properties (control API)", () => {
  it("changes options and read-only-ness of a custom property, and contact writes follow at once", async () => {
    await call(PROPERTIES, tier);
    const changed = await control(sim, "PATCH", "/portals/62515/properties/tier", { options: [{ label: "Gold", value: "gold" }] });
    expect(changed.status).toBe(200);
    expect((await createContact({ email: "s@example.com", tier: "silver" })).status).toBe(400);
    await control(sim, "PATCH", "/portals/62515/properties/tier", { readOnlyValue: true });
    const listed = (await call(PROPERTIES)).body.results?.find((property) => property.name === "tier");
    expect(listed).toMatchObject({ calculated: true, modificationMetadata: expect.objectContaining({ readOnlyValue: true }) });
    expect((await createContact({ email: "g@example.com", tier: "gold" })).body.message).toContain(
      '"error":"READ_ONLY_VALUE","name":"tier"',
    );
    expect((await control(sim, "PATCH", "/portals/62515/properties/email", { label: "Mail" })).status).toBe(400);
    expect((await control(sim, "PATCH", "/portals/62515/properties/nothing", { label: "Mail" })).status).toBe(404);
    expect((await control(sim, "PATCH", "/portals/62515/properties/tier", { type: "string" })).status).toBe(400);
  });

  it("archives a deleted custom property: listed only with archived=true, unknown to contact writes, its name free again", async () => {
    await call(PROPERTIES, tier);
    expect((await control(sim, "DELETE", "/portals/62515/properties/tier")).status).toBe(204);
    expect((await call(PROPERTIES)).body.results?.map((property) => property.name)).not.toContain("tier");
    expect((await call(`${PROPERTIES}?archived=true`)).body.results?.map((property) => property.name)).toEqual(["tier"]);
    expect((await createContact({ email: "a@example.com", tier: "gold" })).body.message).toContain(
      '"error":"PROPERTY_DOESNT_EXIST","name":"tier"',
    );
    expect((await control(sim, "DELETE", "/portals/62515/properties/tier")).status).toBe(404);
    expect((await control(sim, "DELETE", "/portals/62515/properties/hs_marketable_status")).status).toBe(400);
    expect((await call(PROPERTIES, tier)).status).toBe(201);
  });
});

describe("lists", () => {
  it("creates MANUAL and DYNAMIC lists (200 {list}) and refuses bad or duplicate ones", async () => {
    const manual = await call(LISTS, { name: "Newsletter", objectTypeId: "0-1", processingType: "MANUAL" });
    expect(manual.status).toBe(200);
    expect(manual.body.list).toMatchObject({
      listId: expect.any(String),
      listVersion: 1,
      name: "Newsletter",
      objectTypeId: "0-1",
      processingType: "MANUAL",
      processingStatus: "COMPLETE",
    });
    const dynamic = await call(LISTS, {
      name: "Gold",
      objectTypeId: "0-1",
      processingType: "DYNAMIC",
      filterBranch: { filterBranchType: "OR", filterBranches: [], filters: [] },
    });
    expect(dynamic.body.list?.processingType).toBe("DYNAMIC");
    expect((await call(LISTS, { name: "No filter", objectTypeId: "0-1", processingType: "DYNAMIC" })).status).toBe(400);
    expect((await call(LISTS, { name: "newsletter", objectTypeId: "0-1", processingType: "MANUAL" })).status).toBe(409);
    expect((await call(LISTS, { name: "Deals", objectTypeId: "0-3", processingType: "MANUAL" })).status).toBe(400);
    expect((await call(`${LISTS}/object-type-id/0-1/name/Newsletter`)).body.list?.listId).toBe(manual.body.list?.listId);
  });

  it("searches by name with count and offset", async () => {
    for (const name of ["News A", "News B", "News C", "Other"]) await call(LISTS, { name, objectTypeId: "0-1", processingType: "MANUAL" });
    const first = await call(`${LISTS}/search`, { query: "news", count: 2 });
    expect(first.body).toMatchObject({ total: 3, offset: 2, hasMore: true });
    expect(first.body.lists?.map((list) => list.name)).toEqual(["News A", "News B"]);
    const second = await call(`${LISTS}/search`, { query: "news", count: 2, offset: 2 });
    expect(second.body).toMatchObject({ total: 3, offset: 3, hasMore: false });
    expect((await call(`${LISTS}/search`, { count: 501 })).status).toBe(400);
  });

  it("adds members: recordsIdsAdded, existing members ignored, unknown ids missing; control API shows them", async () => {
    const listId = String((await call(LISTS, { name: "Members", objectTypeId: "0-1", processingType: "MANUAL" })).body.list?.listId);
    const a = String((await createContact({ email: "a@example.com" })).body.id);
    const b = String((await createContact({ email: "b@example.com" })).body.id);
    const added = await call(`${LISTS}/${listId}/memberships/add`, [a, b, "999999"], "PUT");
    expect(added).toMatchObject({ status: 200, body: { recordsIdsAdded: [a, b], recordIdsRemoved: [], recordIdsMissing: ["999999"] } });
    expect((await call(`${LISTS}/${listId}/memberships/add`, [a], "PUT")).body).toEqual({
      recordsIdsAdded: [],
      recordIdsRemoved: [],
      recordIdsMissing: [],
    });
    const members = await control(sim, "GET", `/portals/62515/lists/${listId}/memberships`);
    expect(await members.json()).toEqual({ portalId: 62515, listId, recordIds: [a, b] });
    expect((await call(`${LISTS}/${listId}/memberships`)).body).toMatchObject({ total: 2, results: [{ recordId: a }, { recordId: b }] });
    expect((await call(`${LISTS}/424242/memberships/add`, [a], "PUT")).status).toBe(404);

    // A privacy deletion takes the contact out of its lists.
    await control(sim, "POST", "/webhooks/send", {
      portalId: 62515,
      targetUrl: "http://127.0.0.1:9/unreachable",
      wait: false,
      events: [{ type: "contact.privacyDeletion", objectId: a }],
    });
    expect(
      ((await (await control(sim, "GET", "/portals/62515/lists")).json()) as { lists: { recordIds: string[] }[] }).lists[0]?.recordIds,
    ).toEqual([b]);
  });

  it("refuses manual membership changes on DYNAMIC lists", async () => {
    const dynamic = await call(LISTS, {
      name: "Dyn",
      objectTypeId: "0-1",
      processingType: "DYNAMIC",
      filterBranch: { filterBranchType: "OR" },
    });
    const contact = String((await createContact({ email: "x@example.com" })).body.id);
    expect((await call(`${LISTS}/${String(dynamic.body.list?.listId)}/memberships/add`, [contact], "PUT")).status).toBe(400);
  });

  it("needs crm.lists.read for reads and both list scopes for writes", async () => {
    const writeOnly = await token("oauth crm.lists.write");
    const readOnly = await token("oauth crm.lists.read");
    const body = { name: "Scoped", objectTypeId: "0-1", processingType: "MANUAL" };
    const refused = await call(LISTS, body, "POST", writeOnly);
    expect(refused.status).toBe(403);
    expect(refused.body.category).toBe("MISSING_SCOPES");
    expect((await call(LISTS, body, "POST", readOnly)).status).toBe(403);
    expect((await call(`${LISTS}/search`, {}, "POST", readOnly)).status).toBe(200);
  });
});
