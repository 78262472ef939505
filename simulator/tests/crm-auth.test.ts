import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/server";
import { connectPortal, control, hubspot, JSON_TYPE, sdkError, startTestSimulator } from "./helpers";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.close());
beforeEach(() => control(sim, "POST", "/reset"));

const newContact = (email: string) => ({ properties: { email }, associations: [] });

describe("401 authentication errors", () => {
  it("EXPIRED_AUTHENTICATION with seconds since expiry and the expire time", async () => {
    const client = hubspot(sim, (await connectPortal(sim)).access_token);
    await control(sim, "POST", "/tokens/expire-all");
    const error = await sdkError(client.crm.contacts.basicApi.create(newContact("x@example.com")));
    expect(error.code).toBe(401);
    expect(error.headers["content-type"]).toMatch(JSON_TYPE);
    expect(error.body).toMatchObject({
      category: "EXPIRED_AUTHENTICATION",
      message: expect.stringMatching(/^The OAuth token used to make this call expired \d+ second\(s\) ago\.$/),
      correlationId: expect.any(String),
      context: { "expire time": [expect.any(String)] },
    });
  });

  it("expires access tokens after expires_in", async () => {
    await control(sim, "PATCH", "/config", { accessTokenTtlSeconds: 1 });
    const tokens = await connectPortal(sim);
    expect(tokens.expires_in).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const error = await sdkError(hubspot(sim, tokens.access_token).crm.contacts.basicApi.getPage());
    expect(error.body).toMatchObject({ category: "EXPIRED_AUTHENTICATION" });
  });

  it("INVALID_AUTHENTICATION for unknown tokens and missing credentials", async () => {
    const error = await sdkError(hubspot(sim, "CNnot-a-real-token").crm.contacts.basicApi.getPage());
    expect(error.code).toBe(401);
    expect(error.body).toMatchObject({ category: "INVALID_AUTHENTICATION" });
    const raw = await fetch(`${sim.url}/crm/v3/objects/contacts`);
    expect(raw.status).toBe(401);
    expect(await raw.json()).toMatchObject({ status: "error", category: "INVALID_AUTHENTICATION", correlationId: expect.any(String) });
  });

  it("INVALID_AUTHENTICATION after the app is uninstalled", async () => {
    const client = hubspot(sim, (await connectPortal(sim)).access_token);
    await client.crm.contacts.basicApi.getPage();
    await control(sim, "POST", "/portals/62515/revoke-all");
    expect((await sdkError(client.crm.contacts.basicApi.getPage())).body).toMatchObject({ category: "INVALID_AUTHENTICATION" });
  });
});

describe("403 MISSING_SCOPES", () => {
  it("names crm.objects.contacts.write when a token can't write", async () => {
    // Portal 80002 lacks the write scope, so it can only be connected when write isn't required.
    const tokens = await connectPortal(sim, {
      portalId: 80002,
      scope: "oauth",
      optionalScope: "crm.objects.contacts.read crm.objects.contacts.write",
    });
    expect(tokens.scopes).toEqual(["oauth", "crm.objects.contacts.read"]);
    const client = hubspot(sim, tokens.access_token);
    for (const call of [
      () => client.crm.contacts.basicApi.create(newContact("w@example.com")),
      () => client.crm.contacts.batchApi.create({ inputs: [newContact("w@example.com")] }),
      () => client.crm.contacts.batchApi.upsert({ inputs: [{ id: "w@example.com", idProperty: "email", properties: {} }] }),
    ]) {
      const error = await sdkError(call());
      expect(error.code).toBe(403);
      expect(error.headers["x-hubspot-ratelimit-max"]).toBe("110");
      expect(error.body).toMatchObject({
        category: "MISSING_SCOPES",
        message: expect.stringContaining("This app hasn't been granted all required scopes to make this call."),
        errors: [
          {
            message: "One or more of the following scopes are required.",
            context: { requiredGranularScopes: ["crm.objects.contacts.write"] },
          },
        ],
      });
    }
    expect((await client.crm.contacts.basicApi.getPage()).results).toEqual([]);
  });

  it("names crm.objects.contacts.read when a token can't read", async () => {
    const client = hubspot(sim, (await connectPortal(sim, { portalId: 70001 })).access_token);
    const created = await client.crm.contacts.basicApi.create(newContact("r@example.com"));
    for (const call of [
      () => client.crm.contacts.basicApi.getById(created.id),
      () => client.crm.contacts.basicApi.getPage(),
      () => client.crm.contacts.searchApi.doSearch({ filterGroups: [], properties: [], limit: 10, after: "0", sorts: [] }),
    ]) {
      const error = await sdkError(call());
      expect(error.code).toBe(403);
      expect(error.body).toMatchObject({
        category: "MISSING_SCOPES",
        errors: [{ context: { requiredGranularScopes: ["crm.objects.contacts.read"] } }],
      });
    }
  });
});
