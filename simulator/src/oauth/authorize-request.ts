import type { SimulatorConfig } from "../config";
import { isKnownScope } from "../scopes";
import type { ConsentRequest } from "../pages/consent";

// Shared by the consent page and the decision endpoint: the decision form echoes the
// query, so both must apply the same checks (a hand-crafted POST gets no shortcut).

export type AuthorizeValidation = { ok: true; request: ConsentRequest } | { ok: false; title: string; message: string };

export function splitScopes(value: string | null): string[] {
  return [...new Set((value ?? "").split(/[\s+]+/).filter(Boolean))];
}

export function validateAuthorizeRequest(params: URLSearchParams, config: SimulatorConfig): AuthorizeValidation {
  const clientId = params.get("client_id") ?? "";
  const redirectUri = params.get("redirect_uri") ?? "";
  if (clientId !== config.clientId) {
    return { ok: false, title: "Unknown app", message: `No app is registered with client_id "${clientId}".` };
  }
  // Character-for-character, like HubSpot: no normalisation of trailing slashes or case.
  if (!config.redirectUris.includes(redirectUri)) {
    return {
      ok: false,
      title: "Redirect URI mismatch",
      message: `The redirect_uri "${redirectUri}" does not match any redirect URL registered for this app.`,
    };
  }
  const scopes = splitScopes(params.get("scope"));
  const optionalScopes = splitScopes(params.get("optional_scope")).filter((scope) => !scopes.includes(scope));
  if (scopes.length === 0) {
    return { ok: false, title: "Missing scopes", message: "The authorization request has no scope parameter." };
  }
  const unknown = [...scopes, ...optionalScopes].filter((scope) => !isKnownScope(scope, config.communicationPreferencesScopes));
  if (unknown.length > 0) {
    return { ok: false, title: "Invalid scopes", message: `This app requests unknown scopes: ${unknown.join(", ")}.` };
  }
  // The app's configured required scopes "must be present in the scope query parameter in your
  // app's install URL" (HUBSPOT-2026-03.md §8): e.g. contact webhooks make contacts read required.
  const notRequested = config.appRequiredScopes.filter((scope) => !scopes.includes(scope));
  if (notRequested.length > 0) {
    return {
      ok: false,
      title: "Scope mismatch",
      message: `The install URL's scope parameter must include every scope the app requires; missing: ${notRequested.join(", ")}.`,
    };
  }
  return { ok: true, request: { clientId, redirectUri, scopes, optionalScopes, state: params.get("state") } };
}

export function redirectWith(redirectUri: string, params: Record<string, string | null>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) {
    if (value !== null) url.searchParams.set(name, value);
  }
  return url.toString();
}
