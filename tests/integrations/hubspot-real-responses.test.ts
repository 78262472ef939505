// Our HubSpot client against answers real portals give but the simulator does not: a stand-in
// HubSpot over HTTP that replies exactly what each test scripts (token responses with an id_token,
// introspection with nulls or without hub_id, unlabelled error bodies, 207s naming emails, 429s).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AccessTokenRejectedError, InvalidGrantError, ProviderResponseError } from "@switchboard/lib/integrations/errors";
import type { HubspotConfig } from "@switchboard/lib/integrations/hubspot/config";
import { createHubspotProvider } from "@switchboard/lib/integrations/hubspot/provider";

type Scripted = { status: number; body?: unknown; rawBody?: string; headers?: Record<string, string> };
let server: Server;
let replies: Record<string, Scripted>;
let seen: { path: string; body: string }[];

function answer(req: IncomingMessage, res: ServerResponse, body: string): void {
  const path = new URL(req.url ?? "/", "http://x").pathname;
  seen.push({ path, body });
  const reply = replies[path] ?? { status: 404, body: { status: "error", category: "OBJECT_NOT_FOUND" } };
  const payload = reply.rawBody ?? (reply.body === undefined ? "" : JSON.stringify(reply.body));
  res.writeHead(reply.status, {
    ...(reply.rawBody === undefined && payload ? { "content-type": "application/json" } : {}),
    ...reply.headers,
  });
  res.end(payload);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => answer(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  replies = {};
  seen = [];
});

function provider() {
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config: HubspotConfig = {
    clientId: "our-app",
    clientSecret: "our-secret",
    requiredScopes: ["oauth"],
    optionalScopes: [],
    authBaseUrl: url,
    apiBaseUrl: url,
    redirectUri: "http://localhost:3000/cb",
    requestTimeoutMs: 2_000,
  };
  return createHubspotProvider(config);
}

const TOKEN = "/oauth/2026-03/token";
const INTROSPECT = "/oauth/2026-03/token/introspect";
const UPSERT = "/crm/objects/2026-03/contacts/batch/upsert";
const tokenBody = { token_type: "bearer", access_token: "at-1", refresh_token: "rt-1", expires_in: 1800 };

describe("token responses", () => {
  it("exchanges a code on the 2026-03 endpoint despite an unexpected id_token and no token_use", async () => {
    replies[TOKEN] = { status: 200, body: { ...tokenBody, id_token: "eyJhbGciOi.x.y", hub_id: 62515, scopes: ["oauth"] } };
    const tokens = await provider().exchangeCode("code-1");
    expect(tokens).toMatchObject({ accessToken: "at-1", refreshToken: "rt-1", accountHint: { portalId: "62515", scopes: ["oauth"] } });
    expect(Object.fromEntries(new URLSearchParams(seen[0]?.body))).toMatchObject({
      grant_type: "authorization_code",
      code: "code-1",
      client_id: "our-app",
    });
  });

  it.each([
    ["application/json", JSON.stringify({ error: "invalid_grant", error_description: "refresh token is invalid, expired or revoked" })],
    ["text/plain", JSON.stringify({ status: "BAD_REFRESH_TOKEN", message: "refresh token is invalid, expired or revoked" })],
  ])("reads a revoked grant from the body whatever its Content-Type (%s)", async (contentType, rawBody) => {
    replies[TOKEN] = { status: 400, rawBody, headers: { "content-type": contentType } };
    await expect(provider().refresh("rt-1")).rejects.toBeInstanceOf(InvalidGrantError);
    await expect(provider().refresh("rt-1")).rejects.not.toBeInstanceOf(AccessTokenRejectedError);
  });

  it("accepts any 2xx from revocation, with or without a body", async () => {
    replies["/oauth/2026-03/token/revoke"] = { status: 200, body: { status: "ok" } };
    await expect(provider().revoke("rt-1")).resolves.toBeUndefined();
  });
});

describe("introspection", () => {
  it("tolerates null user, hub_domain and scopes", async () => {
    replies[INTROSPECT] = {
      status: 200,
      body: { active: true, hub_id: 62515, client_id: "our-app", user: null, hub_domain: null, scopes: null },
    };
    expect(await provider().introspect("at-1")).toEqual({ active: true, portalId: "62515", scopes: [], clientId: "our-app" });
  });

  it("falls back to the token response's hub_id and scopes once client_id says the token is ours", async () => {
    replies[INTROSPECT] = { status: 200, body: { active: true, client_id: "our-app", token_use: "access_token" } };
    expect(await provider().introspect("at-1", { portalId: "62515", scopes: ["oauth"] })).toMatchObject({
      portalId: "62515",
      scopes: ["oauth"],
    });
    replies[INTROSPECT] = { status: 200, body: { active: true } };
    await expect(provider().introspect("at-1", { portalId: "62515" })).rejects.toBeInstanceOf(ProviderResponseError);
    replies[INTROSPECT] = { status: 200, body: { active: true, hub_id: 62515, client_id: "another-app" } };
    await expect(provider().introspect("at-1", { portalId: "62515" })).rejects.toThrow("different app");
  });

  it.each([400, 401])("treats %i as a rejected access token (drop it, refresh once, retry)", async (status) => {
    replies[INTROSPECT] = { status, body: { status: "error", message: "token invalid" } };
    await expect(provider().introspect("at-1")).rejects.toBeInstanceOf(AccessTokenRejectedError);
  });
});

describe("batch upsert answers", () => {
  const batch = [
    { traceId: "s1", email: "Ada@Example.com", firstName: "Ada" },
    { traceId: "s2", email: "bad@example-.com" },
    { traceId: "s3", email: "grace@example.com" },
  ];

  it("sends trace ids and matches a 207 by email when HubSpot names inputs only by id", async () => {
    replies[UPSERT] = {
      status: 207,
      body: {
        status: "COMPLETE",
        results: [
          { id: "7", new: true, properties: { email: "ada@example.com" } },
          { id: "8", new: false, objectWriteTraceId: "s3", properties: { email: "grace@example.com" } },
        ],
        numErrors: 1,
        errors: [
          {
            status: "error",
            category: "VALIDATION_ERROR",
            message: 'Property values were not valid: [{"message":"Email address bad@example-.com is invalid"}]',
            context: { ids: ["BAD@example-.com"] },
          },
        ],
      },
    };
    const { outcome } = await provider().upsertContacts("at-1", batch);
    expect(outcome).toEqual({
      kind: "answered",
      synced: new Map([
        ["s1", "7"],
        ["s3", "8"],
      ]),
      rejected: new Map([["s2", "VALIDATION_ERROR: Email address bad@example-.com is invalid"]]),
    });
    const sent = JSON.parse(seen[0]?.body ?? "{}") as { inputs: unknown[] };
    expect(sent.inputs[0]).toEqual({
      id: "Ada@Example.com",
      idProperty: "email",
      objectWriteTraceId: "s1",
      properties: { email: "Ada@Example.com", firstname: "Ada" },
    });
  });

  it("classifies whole-batch refusals, limits and locks", async () => {
    const headers = {
      "x-hubspot-ratelimit-max": "100",
      "x-hubspot-ratelimit-interval-milliseconds": "10000",
      "x-hubspot-ratelimit-daily": "250000",
      "x-hubspot-ratelimit-daily-remaining": "12",
    };
    const outcomeOf = async (reply: Scripted) => {
      replies[UPSERT] = reply;
      return provider().upsertContacts("at-1", batch);
    };
    expect(
      (await outcomeOf({ status: 409, body: { category: "OBJECT_ALREADY_EXISTS", message: "Contact already exists. Existing ID: 5" } }))
        .outcome,
    ).toEqual({
      kind: "batch-rejected",
      reason: "OBJECT_ALREADY_EXISTS: Contact already exists. Existing ID: 5",
    });
    const limited = await outcomeOf({ status: 429, body: { errorType: "RATE_LIMIT", policyName: "TEN_SECONDLY_ROLLING" }, headers });
    expect(limited.outcome).toMatchObject({ kind: "rate-limited", waitMs: 10_000, daily: false });
    expect(limited.rateLimit).toEqual({ maxPerWindow: 100, windowMs: 10_000, daily: 250_000, dailyRemaining: 12 });
    expect((await outcomeOf({ status: 429, body: { policyName: "DAILY" } })).outcome).toMatchObject({ kind: "rate-limited", daily: true });
    expect((await outcomeOf({ status: 423, body: { category: "LOCKED" } })).outcome).toMatchObject({
      kind: "transient",
      minDelayMs: 2_000,
    });
    expect((await outcomeOf({ status: 401, body: { category: "EXPIRED_AUTHENTICATION" } })).outcome).toMatchObject({
      kind: "token-rejected",
    });
    expect((await outcomeOf({ status: 403, body: { category: "MISSING_SCOPES" } })).outcome).toMatchObject({ kind: "missing-scope" });
    expect((await outcomeOf({ status: 200, rawBody: "<html>proxy</html>" })).outcome).toMatchObject({ kind: "unexpected" });
  });
});

describe("contact properties", () => {
  const PROPERTIES = "/crm/properties/2026-03/contacts";
  const meta = (readOnlyValue: boolean) => ({ archivable: true, readOnlyDefinition: false, readOnlyValue });

  it("reads what a form field may fill: read-only and calculated ones flagged, hidden options and archived or unreadable entries left out", async () => {
    replies[PROPERTIES] = {
      status: 200,
      body: {
        results: [
          { name: "company", label: "Company Name", type: "string", fieldType: "text", modificationMetadata: meta(false) },
          {
            name: "hs_marketable_status",
            label: "Marketing contact status",
            type: "enumeration",
            fieldType: "booleancheckbox",
            options: [],
            modificationMetadata: meta(true),
          },
          // Calculated without readOnlyValue, as some portals answer: still not writable.
          {
            name: "days_to_close",
            label: "Days to close",
            type: "number",
            fieldType: "calculation_equation",
            calculated: true,
            modificationMetadata: meta(false),
          },
          {
            name: "size",
            label: "Size",
            type: "enumeration",
            fieldType: "select",
            options: [
              { label: "Small", value: "s", hidden: false },
              { label: "Retired", value: "r", hidden: true },
              { label: "Ten", value: 10 },
            ],
          },
          { name: "member_code", label: "Member code", type: "string", fieldType: "text", hasUniqueValue: true },
          { name: "resume", label: "Resume", type: "string", fieldType: "file" },
          { name: "old_field", label: "Old", type: "string", fieldType: "text", archived: true },
          { label: "No name at all", type: "string" },
        ],
      },
    };
    const reply = await provider().listContactProperties("at-1");
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.calls).toBe(1);
    expect(Object.fromEntries(reply.value.map((property) => [property.name, property]))).toEqual({
      company: { name: "company", label: "Company Name", kind: "text", typeName: "string", options: [], readOnly: false, unique: false },
      hs_marketable_status: expect.objectContaining({ kind: "choice", readOnly: true }),
      days_to_close: expect.objectContaining({ kind: "other", typeName: "number", readOnly: true }),
      size: expect.objectContaining({
        kind: "choice",
        options: [
          { value: "s", label: "Small" },
          { value: "10", label: "Ten" },
        ],
        readOnly: false,
      }),
      member_code: expect.objectContaining({ kind: "text", unique: true }),
      resume: expect.objectContaining({ kind: "other" }),
    });
    expect(seen[0]?.path).toBe(PROPERTIES);
  });

  it("answers a refusal as a failure, never a throw (403 MISSING_SCOPES, an unusable body)", async () => {
    replies[PROPERTIES] = { status: 403, body: { status: "error", category: "MISSING_SCOPES", message: "…" } };
    expect(await provider().listContactProperties("at-1")).toMatchObject({ ok: false, failure: { kind: "missing-scope" } });
    replies[PROPERTIES] = { status: 200, body: { results: "nope" } };
    expect(await provider().listContactProperties("at-1")).toMatchObject({ ok: false, failure: { kind: "unexpected" } });
  });
});
