// Marketing contacts (HUBSPOT-2026-03.md §0): hs_marketable_status is read-only through every API
// and follows the portal's per-app "create as marketing contacts" switch, which applies only to
// contacts created after it is turned on.
import { describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/server";
import { control, withConnectedPortal } from "./helpers";

let sim: RunningSimulator;
let accessToken: string;
withConnectedPortal((portal) => ({ sim, accessToken } = portal));

const CONTACTS = "/crm/objects/2026-03/contacts";
type Body = {
  id?: string;
  message?: string;
  category?: string;
  properties?: Record<string, string>;
  results?: { id: string; properties: Record<string, string> }[];
};

async function call(path: string, body?: unknown, method = body === undefined ? "GET" : "POST") {
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${accessToken}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Body };
}
const marketable = async (id: string) =>
  (await call(`${CONTACTS}/${id}?properties=hs_marketable_status`)).body.properties?.hs_marketable_status;
const create = async (email: string) => String((await call(CONTACTS, { properties: { email } })).body.id);
const upsert = (email: string, properties: Record<string, unknown> = {}) =>
  call(`${CONTACTS}/batch/upsert`, { inputs: [{ id: email, idProperty: "email", properties }] });

describe("hs_marketable_status", () => {
  it("is false for contacts the app creates until the portal turns the switch on, and only for later contacts", async () => {
    const before = await create("before@example.com");
    expect(await marketable(before)).toBe("false");
    const switched = await control(sim, "PATCH", "/portals/62515/settings", { createAsMarketingContacts: true });
    expect(await switched.json()).toMatchObject({ id: 62515, createAsMarketingContacts: true });

    const after = await create("after@example.com");
    const batch = await call(`${CONTACTS}/batch/create`, { inputs: [{ properties: { email: "batch@example.com" } }] });
    const upserted = await upsert("upserted@example.com");
    expect(await marketable(after)).toBe("true");
    expect(batch.body.results?.[0]?.properties.hs_marketable_status).toBe("true");
    expect(upserted.body.results?.[0]?.properties.hs_marketable_status).toBe("true");
    // Updating a contact from before the switch does not make it a marketing contact.
    expect((await upsert("before@example.com", { firstname: "B" })).body.results?.[0]?.properties.hs_marketable_status).toBe("false");

    await control(sim, "PATCH", "/portals/62515/settings", { createAsMarketingContacts: false });
    expect(await marketable(await create("later@example.com"))).toBe("false");
    expect(await marketable(after)).toBe("true");
  });

  it("refuses every API write of it with 400 READ_ONLY_VALUE", async () => {
    const id = await create("someone@example.com");
    const writes = [
      call(CONTACTS, { properties: { email: "x@example.com", hs_marketable_status: "true" } }),
      call(`${CONTACTS}/${id}`, { properties: { hs_marketable_status: "true" } }, "PATCH"),
      call(`${CONTACTS}/batch/create`, { inputs: [{ properties: { email: "y@example.com", hs_marketable_status: true } }] }),
      upsert("z@example.com", { hs_marketable_status: "true" }),
    ];
    for (const { status, body } of await Promise.all(writes)) {
      expect(status).toBe(400);
      expect(body.category).toBe("VALIDATION_ERROR");
      expect(body.message).toContain('"error":"READ_ONLY_VALUE","name":"hs_marketable_status"');
    }
    expect(await marketable(id)).toBe("false");
  });

  it("can be searched and set per contact through the control API (as an admin in HubSpot's UI)", async () => {
    const id = await create("ui@example.com");
    await create("other@example.com");
    const set = await control(sim, "PATCH", `/portals/62515/contacts/${id}/marketing-status`, { marketable: true });
    expect(set.status).toBe(200);
    const found = await call(`${CONTACTS}/search`, {
      filterGroups: [{ filters: [{ propertyName: "hs_marketable_status", operator: "EQ", value: "true" }] }],
    });
    expect(found.body.results?.map((contact) => contact.id)).toEqual([id]);
  });
});
