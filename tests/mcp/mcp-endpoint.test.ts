// /api/v1/mcp with the official SDK's client over real HTTP, against a real database and the HubSpot
// simulator, on SQLite and PostgreSQL: what a key's scopes offer, that an agent acts for one tenant
// only, that writes go through the signup pipeline, and that every call is audited.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { revokeApiKey } from "@switchboard/lib/api-keys/manage-api-keys";
import { prefixOf } from "@switchboard/lib/api-keys/api-key-format";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiWorld, type ApiWorld } from "@/tests/api/support/api-world";
import { testProviders } from "@/tests/helpers/databases";
import { callTool, connectAgent, serveMcp, type McpEndpoint } from "./support/mcp-agent";

describe.each(testProviders)("the MCP endpoint on %s", (provider) => {
  let world: ApiWorld;
  let endpoint: McpEndpoint;
  const agents: Client[] = [];
  const agent = async (key: string, tenant?: string) => {
    const client = await connectAgent(endpoint, key, tenant);
    agents.push(client);
    return client;
  };

  beforeAll(async () => {
    world = await startApiWorld(provider);
    endpoint = await serveMcp(world.runtime);
  });
  afterAll(async () => {
    await Promise.all(agents.map((client) => client.close()));
    await endpoint?.close();
    await world?.close();
  });

  it("offers the tools the key's scopes allow, and get_access_token only with connections:token", async () => {
    const toolsOf = async (client: Client) => (await client.listTools()).tools.map((tool) => tool.name).sort();
    expect(await toolsOf(await agent(await world.tenantKey(["connections:read"])))).toEqual(["get_connection", "list_connections"]);
    expect(await toolsOf(await agent(await world.tenantKey(["signups:read", "signups:write"])))).toEqual([
      "add_subscriber",
      "find_contact",
      "get_signup",
      "list_signups",
      "retry_signup",
    ]);
    const everything = await toolsOf(
      await agent(await world.tenantKey(["connections:read", "connections:token", "signups:read", "signups:write"])),
    );
    expect(everything).toContain("get_access_token");
    const withoutToken = await toolsOf(await agent(await world.tenantKey(["connections:read", "signups:read", "signups:write"])));
    expect(withoutToken).not.toContain("get_access_token");
    const tools = (await (await agent(await world.tenantKey(["connections:read"]))).listTools()).tools;
    const getConnection = tools.find((tool) => tool.name === "get_connection");
    expect(getConnection?.inputSchema.properties).toHaveProperty("connectionId");
    expect(getConnection?.outputSchema?.properties).toHaveProperty("missingScopes");
  });

  it("acts for the key's tenant only: another tenant's ids are not found, and lists hold only its own", async () => {
    const mine = await agent(await world.tenantKey());
    const theirs = await agent(await world.otherTenantKey());
    const seen = await callTool(mine, "get_connection", { connectionId: world.connectionId });
    expect(seen).toMatchObject({ ok: true, data: { id: world.connectionId, status: "connected", missingScopes: { required: [] } } });
    expect((seen.ok && (seen.data.timeline as { action: string }[]).map((event) => event.action)) || []).toContain("connect");
    expect(await callTool(theirs, "get_connection", { connectionId: world.connectionId })).toMatchObject({
      ok: false,
      problem: { code: "not_found", status: 404 },
    });
    expect(await callTool(theirs, "list_connections")).toMatchObject({ ok: true, data: { items: [] } });
    expect(await callTool(theirs, "get_access_token", { connectionId: world.connectionId })).toMatchObject({
      ok: false,
      problem: { code: "not_found" },
    });
  });

  it("lets an operator key act only for the tenant it names, and refuses it without one", async () => {
    const key = await world.operatorKey();
    const refused = await fetch(endpoint.url, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "initialize",
        params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "x", version: "1" } },
      }),
    });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ code: "invalid_input" });
    const forOther = await agent(key, world.otherTenant.slug);
    expect(await callTool(forOther, "list_connections")).toMatchObject({ ok: true, data: { items: [] } });
    expect(await callTool(forOther, "get_connection", { connectionId: world.connectionId })).toMatchObject({
      ok: false,
      problem: { code: "not_found" },
    });
    const forTenant = await agent(key, world.tenant.id);
    expect(await callTool(forTenant, "list_connections")).toMatchObject({ ok: true, data: { items: [{ id: world.connectionId }] } });
  });

  it("adds a subscriber only with consent, through the signup pipeline, and audits every call with the key and tool", async () => {
    const key = await world.tenantKey(["signups:read", "signups:write"]);
    const client = await agent(key);
    const { db } = world.database;
    const auditedBefore = await db.auditEvent.count({ where: { tenantId: world.tenant.id, action: "mcp_tool_call" } });
    const withoutConsent = await callTool(client, "add_subscriber", { email: "no-consent@example.com", consent: false });
    expect(withoutConsent).toMatchObject({ ok: false, problem: { code: "invalid_input", status: 422 } });
    expect(await db.signup.count({ where: { emailNormalized: "no-consent@example.com" } })).toBe(0);
    const added = await callTool(client, "add_subscriber", { email: "Agent.Added@Example.com", firstName: "Ada", consent: true });
    expect(added).toMatchObject({
      ok: true,
      data: { email: "Agent.Added@Example.com", consent: true, status: "pending", source: "agent" },
    });
    const signupId = added.ok ? String(added.data.id) : "";
    expect(await callTool(client, "get_signup", { signupId })).toMatchObject({
      ok: true,
      data: { id: signupId, tenantId: world.tenant.id },
    });
    expect(await callTool(client, "retry_signup", { signupId })).toMatchObject({ ok: false, problem: { code: "conflict", status: 409 } });
    const events = await db.auditEvent.findMany({
      where: { tenantId: world.tenant.id, action: "mcp_tool_call" },
      orderBy: { createdAt: "asc" },
    });
    expect(events.length - auditedBefore).toBe(4);
    const keyRow = await db.apiKey.findUniqueOrThrow({ where: { prefix: prefixOf(key) ?? "" } });
    expect(events.slice(auditedBefore).map((event) => [event.actorLabel.includes(keyRow.id), event.detail, event.outcome])).toEqual([
      [true, "MCP tool add_subscriber refused: invalid_input", "failure"],
      [true, "MCP tool add_subscriber", "success"],
      [true, "MCP tool get_signup", "success"],
      [true, "MCP tool retry_signup refused: conflict", "failure"],
    ]);
  });

  it("finds a contact through the tenant's portal, and says so when there is none", async () => {
    const client = await agent(await world.tenantKey(["connections:token", "signups:read"]));
    const token = await callTool(client, "get_access_token", { connectionId: world.connectionId });
    expect(token.ok).toBe(true);
    const accessToken = token.ok ? String(token.data.accessToken) : "";
    const created = await fetch(`${world.sim.url}/crm/objects/2026-03/contacts`, {
      method: "POST",
      headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/json" },
      body: JSON.stringify({ properties: { email: "known@example.com", firstname: "Kim", lastname: "Known" }, associations: [] }),
    });
    expect(created.status).toBe(201);
    const lookupStarted = new Date();
    const found = await callTool(client, "find_contact", { email: "known@example.com" });
    // The lookup took one of the portal's shared slots, as the sync's calls do.
    expect(await world.database.db.portalCallSlot.count({ where: { portalId: "62515", usedAt: { gte: lookupStarted } } })).toBe(1);
    expect(found).toMatchObject({
      ok: true,
      data: {
        connectionId: world.connectionId,
        portalId: "62515",
        found: true,
        contact: { email: "known@example.com", firstName: "Kim", lastName: "Known" },
      },
    });
    expect(await callTool(client, "find_contact", { email: "nobody@example.com" })).toMatchObject({
      ok: true,
      data: { found: false, contact: null },
    });
    expect(await callTool(client, "find_contact", { email: "not an email" })).toMatchObject({ ok: false });
  });

  it("serves each connection as a resource and explains it through a prompt", async () => {
    const client = await agent(await world.tenantKey(["connections:read"]));
    const { resources } = await client.listResources();
    expect(resources.map((resource) => resource.uri)).toEqual([`switchboard://connections/${world.connectionId}`]);
    const read = await client.readResource({ uri: `switchboard://connections/${world.connectionId}` });
    expect(JSON.parse(String((read.contents[0] as { text: string }).text))).toMatchObject({ id: world.connectionId, status: "connected" });
    const prompt = await client.getPrompt({ name: "explain_connection", arguments: { connectionId: world.connectionId } });
    const text = (prompt.messages[0]?.content as { text: string }).text;
    expect(text).toContain(`Connection ${world.connectionId} to HubSpot portal 62515`);
    expect(text).toContain("status connected");
  });

  it("ends a revoked key's session at its next call", async () => {
    const key = await world.tenantKey(["connections:read"]);
    const client = await agent(key);
    expect(await callTool(client, "list_connections")).toMatchObject({ ok: true });
    await revokeApiKey(world.database.db, world.tenant.id, prefixOf(key) ?? "", { userId: null, label: "test" });
    await expect(client.callTool({ name: "list_connections", arguments: {} })).rejects.toThrow(/401/);
  });
});
