// HubSpot's OAuth 2.0 endpoints (2026-03) over fetch: authorize URL, code exchange, refresh and
// revocation. Client credentials travel in the form body, as HubSpot wants. Identity hints from
// the token response (hub_id, scopes) are kept only as a fallback for introspection.
import { ProviderResponseError } from "../errors";
import type { TokenSet } from "../provider";
import { hubspotPaths } from "./api-paths";
import type { HubspotConfig } from "./config";
import { classifyReply, classifyTransportError, failureToError } from "./failures";
import { hubspotRequest, type HubspotReply } from "./hubspot-http";
import { tokenResponseSchema } from "./schemas";

export function hubspotAuthorizeUrl(config: HubspotConfig, state: string): string {
  const url = new URL(`${config.authBaseUrl}/oauth/authorize`);
  url.searchParams.set("client_id", config.clientId);
  url.searchParams.set("redirect_uri", config.redirectUri);
  url.searchParams.set("scope", config.requiredScopes.join(" "));
  if (config.optionalScopes.length > 0) url.searchParams.set("optional_scope", config.optionalScopes.join(" "));
  url.searchParams.set("state", state);
  // URLSearchParams writes spaces as "+"; HubSpot documents %20 between scopes.
  return url.toString().replace(/\+/g, "%20");
}

/** POSTs a form with our client credentials to one of the OAuth endpoints; any HTTP answer comes back. */
export async function sendOAuthForm(
  config: HubspotConfig,
  path: string,
  form: Record<string, string>,
  operation: string,
): Promise<HubspotReply> {
  try {
    return await hubspotRequest(config, {
      method: "POST",
      path,
      form: { ...form, client_id: config.clientId, client_secret: config.clientSecret },
    });
  } catch (error) {
    throw failureToError(classifyTransportError(error, operation));
  }
}

/** As sendOAuthForm, but anything but a 2xx is thrown as one of our error kinds. */
async function postOAuthForm(config: HubspotConfig, path: string, form: Record<string, string>, operation: string): Promise<HubspotReply> {
  const reply = await sendOAuthForm(config, path, form, operation);
  if (reply.status < 200 || reply.status >= 300) throw failureToError(classifyReply(reply, operation));
  return reply;
}

export async function exchangeHubspotCode(config: HubspotConfig, code: string): Promise<TokenSet> {
  const operation = "the authorization code exchange";
  const reply = await postOAuthForm(
    config,
    hubspotPaths.token,
    { grant_type: "authorization_code", code, redirect_uri: config.redirectUri },
    operation,
  );
  return toTokenSet(reply.body);
}

export async function refreshHubspotToken(config: HubspotConfig, refreshToken: string): Promise<TokenSet> {
  const reply = await postOAuthForm(
    config,
    hubspotPaths.token,
    { grant_type: "refresh_token", refresh_token: refreshToken },
    "the token refresh",
  );
  return toTokenSet(reply.body);
}

/** Revoking the refresh token ends Switchboard's access; it does not uninstall the app from the portal. */
export async function revokeHubspotToken(config: HubspotConfig, refreshToken: string): Promise<void> {
  // Success status is undocumented for 2026-03: any 2xx will do, and its body is ignored.
  await postOAuthForm(config, hubspotPaths.revoke, { token: refreshToken, token_type_hint: "refresh_token" }, "the token revocation");
}

function toTokenSet(body: unknown): TokenSet {
  const parsed = tokenResponseSchema.safeParse(body);
  if (!parsed.success) throw new ProviderResponseError("HubSpot's token response is missing required fields");
  const { access_token, refresh_token, expires_in, hub_id, scopes } = parsed.data;
  return {
    accessToken: access_token,
    ...(refresh_token ? { refreshToken: refresh_token } : {}),
    expiresAt: new Date(Date.now() + expires_in * 1000),
    ...(hub_id || scopes ? { accountHint: { ...(hub_id ? { portalId: hub_id } : {}), ...(scopes ? { scopes } : {}) } } : {}),
  };
}
