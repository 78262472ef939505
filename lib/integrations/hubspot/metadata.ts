// Who a token belongs to, read from HubSpot's 2026-03 introspection endpoint. This — not the
// hub_id echoed in a token response — identifies the portal a connection is keyed by; the token
// response's hub_id/scopes only fill in what introspection leaves out, and only once the
// introspection has confirmed the token was minted for our app.
import { AccessTokenRejectedError, ProviderResponseError } from "../errors";
import type { AccountHint, AccountMetadata } from "../provider";
import { hubspotPaths } from "./api-paths";
import type { HubspotConfig } from "./config";
import { classifyReply, failureToError } from "./failures";
import { sendOAuthForm } from "./oauth";
import { introspectionSchema } from "./schemas";

export async function introspectHubspotToken(config: HubspotConfig, accessToken: string, hint?: AccountHint): Promise<AccountMetadata> {
  const operation = "the token introspection";
  const reply = await sendOAuthForm(config, hubspotPaths.introspect, { token: accessToken, token_type_hint: "access_token" }, operation);
  // Introspection answering 400/401 is a verdict on the access token, not on the grant: the
  // caller drops it, refreshes once and retries (withAccessToken) before anything counts as lost.
  if (reply.status === 400 || reply.status === 401) {
    throw new AccessTokenRejectedError(`HubSpot's introspection refused the access token (HTTP ${reply.status})`);
  }
  if (reply.status < 200 || reply.status >= 300) throw failureToError(classifyReply(reply, operation));
  const parsed = introspectionSchema.safeParse(reply.body);
  if (!parsed.success) throw new ProviderResponseError("HubSpot's introspection response is missing required fields");
  const data = parsed.data;
  if (!data.active) return { active: false, portalId: "", scopes: [] };
  // A token minted for another app must never be accepted as ours, whatever portal it names.
  if (data.client_id && data.client_id !== config.clientId) {
    throw new ProviderResponseError("HubSpot says this token belongs to a different app");
  }
  const hubId = data.hub_id ?? (data.client_id ? hint?.portalId : undefined);
  if (!hubId) throw new ProviderResponseError("HubSpot's introspection response names no portal");
  return {
    active: true,
    portalId: hubId,
    ...(data.hub_domain ? { accountDomain: data.hub_domain } : {}),
    ...(data.user ? { authorizedUserEmail: data.user } : {}),
    scopes: data.scopes ?? data.scope ?? hint?.scopes ?? [],
    ...(data.client_id ? { clientId: data.client_id } : {}),
  };
}
