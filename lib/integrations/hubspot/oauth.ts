// HubSpot's OAuth 2.0 endpoints (v3) through oauth4webapi: authorize URL, code exchange, refresh
// and revocation. Client credentials travel in the form body (client_secret_post), as HubSpot wants.
import * as oauth from "oauth4webapi";
import { ProviderResponseError } from "../errors";
import type { TokenSet } from "../provider";
import type { HubspotConfig } from "./config";
import { classifyOAuthFailure } from "./oauth-errors";
import { tokenResponseSchema } from "./schemas";

export function authorizationServer(config: HubspotConfig): oauth.AuthorizationServer {
  return {
    issuer: config.authBaseUrl,
    authorization_endpoint: `${config.authBaseUrl}/oauth/authorize`,
    token_endpoint: `${config.apiBaseUrl}/oauth/v3/token`,
    introspection_endpoint: `${config.apiBaseUrl}/oauth/v3/token/introspect`,
    revocation_endpoint: `${config.apiBaseUrl}/oauth/v3/token/revoke`,
  };
}

export function oauthClient(config: HubspotConfig): { client: oauth.Client; auth: oauth.ClientAuth } {
  return { client: { client_id: config.clientId }, auth: oauth.ClientSecretPost(config.clientSecret) };
}

/** Per-request options: a timeout, and plain http only for a local simulator (never for https hosts). */
export function requestOptions(config: HubspotConfig, extra?: Record<string, string>) {
  return {
    signal: AbortSignal.timeout(config.requestTimeoutMs),
    [oauth.allowInsecureRequests]: config.apiBaseUrl.startsWith("http://"),
    ...(extra ? { additionalParameters: extra } : {}),
  };
}

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

export async function exchangeHubspotCode(config: HubspotConfig, code: string): Promise<TokenSet> {
  const as = authorizationServer(config);
  const { client, auth } = oauthClient(config);
  try {
    // Our own state check already happened (hashed, single-use); here we only hand the code over.
    const callback = oauth.validateAuthResponse(as, client, new URLSearchParams({ code }), oauth.skipStateCheck);
    const response = await oauth.authorizationCodeGrantRequest(
      as, client, auth, callback, config.redirectUri, oauth.nopkce, requestOptions(config),
    );
    return toTokenSet(await oauth.processAuthorizationCodeResponse(as, client, response));
  } catch (error) {
    throw classifyOAuthFailure(error, "the authorization code exchange");
  }
}

export async function refreshHubspotToken(config: HubspotConfig, refreshToken: string): Promise<TokenSet> {
  const as = authorizationServer(config);
  const { client, auth } = oauthClient(config);
  try {
    const response = await oauth.refreshTokenGrantRequest(as, client, auth, refreshToken, requestOptions(config));
    return toTokenSet(await oauth.processRefreshTokenResponse(as, client, response));
  } catch (error) {
    throw classifyOAuthFailure(error, "the token refresh");
  }
}

export async function revokeHubspotToken(config: HubspotConfig, refreshToken: string): Promise<void> {
  const as = authorizationServer(config);
  const { client, auth } = oauthClient(config);
  try {
    const response = await oauth.revocationRequest(
      as, client, auth, refreshToken, requestOptions(config, { token_type_hint: "refresh_token" }),
    );
    // oauth4webapi insists on 200, but HubSpot's revoke endpoints answer 204: accept both here.
    if (response.status === 200 || response.status === 204) {
      await response.body?.cancel();
      return;
    }
    await oauth.processRevocationResponse(response);
  } catch (error) {
    throw classifyOAuthFailure(error, "the token revocation");
  }
}

function toTokenSet(raw: oauth.TokenEndpointResponse): TokenSet {
  const parsed = tokenResponseSchema.safeParse(raw);
  if (!parsed.success) throw new ProviderResponseError("HubSpot's token response is missing required fields");
  const { access_token, refresh_token, expires_in } = parsed.data;
  return {
    accessToken: access_token,
    ...(refresh_token ? { refreshToken: refresh_token } : {}),
    expiresAt: new Date(Date.now() + expires_in * 1000),
  };
}
