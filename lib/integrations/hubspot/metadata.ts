// Who a token belongs to, read from HubSpot's v3 introspection endpoint. This — not the hub_id
// echoed in a token response — is what identifies the portal a connection is keyed by.
import * as oauth from "oauth4webapi";
import { ProviderResponseError } from "../errors";
import type { AccountMetadata } from "../provider";
import type { HubspotConfig } from "./config";
import { authorizationServer, oauthClient, requestOptions } from "./oauth";
import { classifyOAuthFailure } from "./oauth-errors";
import { introspectionSchema } from "./schemas";

export async function introspectHubspotToken(config: HubspotConfig, accessToken: string): Promise<AccountMetadata> {
  const as = authorizationServer(config);
  const { client, auth } = oauthClient(config);
  let raw: oauth.IntrospectionResponse;
  try {
    const response = await oauth.introspectionRequest(
      as, client, auth, accessToken, requestOptions(config, { token_type_hint: "access_token" }),
    );
    raw = await oauth.processIntrospectionResponse(as, client, response);
  } catch (error) {
    throw classifyOAuthFailure(error, "the token introspection");
  }
  const parsed = introspectionSchema.safeParse(raw);
  if (!parsed.success) throw new ProviderResponseError("HubSpot's introspection response is missing required fields");
  const data = parsed.data;
  if (!data.active) return { active: false, externalAccountId: "", scopes: [] };
  // A token minted for another app must never be accepted as ours, whatever portal it names.
  if (data.client_id && data.client_id !== config.clientId) {
    throw new ProviderResponseError("HubSpot says this token belongs to a different app");
  }
  return {
    active: true,
    externalAccountId: data.hub_id,
    ...(data.hub_domain ? { accountDomain: data.hub_domain } : {}),
    ...(data.user ? { authorizedUserEmail: data.user } : {}),
    scopes: data.scopes ?? data.scope ?? [],
    ...(data.client_id ? { clientId: data.client_id } : {}),
  };
}
