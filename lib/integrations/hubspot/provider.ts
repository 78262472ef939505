// HubSpot behind the provider seam.
import type { IntegrationProvider } from "../provider";
import type { HubspotConfig } from "./config";
import { upsertContactsByEmail } from "./contacts-batch-upsert";
import { checkContactsApi, upsertTestContact } from "./crm";
import { findHubspotContact } from "./find-contact";
import { introspectHubspotToken } from "./metadata";
import { exchangeHubspotCode, hubspotAuthorizeUrl, refreshHubspotToken, revokeHubspotToken } from "./oauth";

export const HUBSPOT_PROVIDER_ID = "hubspot";

export function createHubspotProvider(config: HubspotConfig): IntegrationProvider {
  return {
    id: HUBSPOT_PROVIDER_ID,
    displayName: "HubSpot",
    requiredScopes: config.requiredScopes,
    optionalScopes: config.optionalScopes,
    redirectUri: config.redirectUri,
    authorizeUrl: (state) => hubspotAuthorizeUrl(config, state),
    exchangeCode: (code) => exchangeHubspotCode(config, code),
    refresh: (refreshToken) => refreshHubspotToken(config, refreshToken),
    revoke: (refreshToken) => revokeHubspotToken(config, refreshToken),
    introspect: (accessToken, hint) => introspectHubspotToken(config, accessToken, hint),
    checkApi: (accessToken) => checkContactsApi(config, accessToken),
    upsertTestRecord: (accessToken, email) => upsertTestContact(config, accessToken, email),
    upsertContacts: (accessToken, batch) => upsertContactsByEmail(config, accessToken, batch),
    findContact: (accessToken, email) => findHubspotContact(config, accessToken, email),
  };
}
