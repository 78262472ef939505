import { Client } from "@hubspot/api-client";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "../src/server";

// Shared steps for the simulator tests: start one on an ephemeral port, walk the OAuth
// consent over plain HTTP, and build a real @hubspot/api-client pointed at it.

export const CLIENT_ID = "switchboard-local";
export const CLIENT_SECRET = "switchboard-local-secret";
export const REDIRECT_URI = "http://localhost:3000/api/integrations/hubspot/callback";
export const REQUIRED_SCOPES = "oauth crm.objects.contacts.write";
export const OPTIONAL_SCOPES = "crm.objects.contacts.read";

export function startTestSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  return startSimulator({ port: 0, ...options });
}

export interface Decision {
  portalId?: number;
  decision?: "grant" | "cancel";
  scope?: string;
  optionalScope?: string;
  state?: string;
  redirectUri?: string;
  clientId?: string;
}

/** Posts the consent form as a browser would; returns the raw response (redirects not followed). */
export function postDecision(sim: RunningSimulator, decision: Decision = {}): Promise<Response> {
  const form = new URLSearchParams({
    client_id: decision.clientId ?? CLIENT_ID,
    redirect_uri: decision.redirectUri ?? REDIRECT_URI,
    scope: decision.scope ?? REQUIRED_SCOPES,
    optional_scope: decision.optionalScope ?? OPTIONAL_SCOPES,
    state: decision.state ?? "state-123",
    portal_id: String(decision.portalId ?? 62515),
    decision: decision.decision ?? "grant",
  });
  return fetch(`${sim.url}/oauth/authorize/decision`, { method: "POST", body: form, redirect: "manual" });
}

export async function authorizationCode(sim: RunningSimulator, decision: Decision = {}): Promise<string> {
  const response = await postDecision(sim, decision);
  expect(response.status).toBe(302);
  const code = new URL(response.headers.get("location") ?? "").searchParams.get("code");
  expect(code).toBeTruthy();
  return code ?? "";
}

export function tokenRequest(sim: RunningSimulator, fields: Record<string, string>, path = "/oauth/v3/token"): Promise<Response> {
  return fetch(`${sim.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
}

export interface TokenBody {
  token_type: string;
  access_token: string;
  refresh_token: string;
  expires_in: number;
  token_use: string;
  hub_id: number;
  user_id: number;
  scopes: string[];
}

/** Consent + code exchange: a connected portal's tokens. */
export async function connectPortal(sim: RunningSimulator, decision: Decision = {}): Promise<TokenBody> {
  const code = await authorizationCode(sim, decision);
  const response = await tokenRequest(sim, {
    grant_type: "authorization_code",
    code,
    redirect_uri: decision.redirectUri ?? REDIRECT_URI,
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
  });
  expect(response.status).toBe(200);
  return (await response.json()) as TokenBody;
}

/** The real SDK, retries off so every error surfaces as it arrives. */
export function hubspot(sim: RunningSimulator, accessToken: string): Client {
  return new Client({ accessToken, basePath: sim.url, numberOfApiCallRetries: 0 });
}

export interface SdkError {
  code: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
}

/** Awaits a call expected to fail and returns the SDK's ApiException fields. */
export async function sdkError(call: Promise<unknown>): Promise<SdkError> {
  try {
    await call;
  } catch (error) {
    const apiError = error as Partial<SdkError>;
    expect(typeof apiError.code).toBe("number");
    return { code: apiError.code ?? 0, body: apiError.body ?? {}, headers: apiError.headers ?? {} };
  }
  throw new Error("expected the SDK call to fail");
}

export async function control(sim: RunningSimulator, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${sim.url}/_sim${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export const JSON_TYPE = /^application\/json/;

export interface ConnectedPortal {
  sim: RunningSimulator;
  accessToken: string;
  client: Client;
}

/**
 * The hooks the CRM test files share: one simulator per file and, before each test, a reset and
 * a freshly connected portal 62515. `onReady` hands the live objects to the file's own variables.
 */
export function withConnectedPortal(onReady: (portal: ConnectedPortal) => void): void {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator();
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await control(sim, "POST", "/reset");
    const accessToken = (await connectPortal(sim)).access_token;
    onReady({ sim, accessToken, client: hubspot(sim, accessToken) });
  });
}
