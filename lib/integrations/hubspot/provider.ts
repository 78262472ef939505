// HubSpot behind the provider seam.
import type { ConsentProvider } from "../consent-calls";
import type { IntegrationProvider } from "../provider";
import {
  BATCH_STATUS_READ_SCOPE,
  listSubscriptionTypes,
  readSubscription,
  readSubscriptionsBatch,
  subscribe,
  SUBSCRIPTION_SCOPE,
  unsubscribe,
} from "./communication-preferences";
import { readMarketingStatus } from "./marketing-status";
import { addToList, listManualLists, LISTS_READ_SCOPE, LISTS_WRITE_SCOPE } from "./lists";
import type { HubspotConfig } from "./config";
import { upsertContactsByEmail } from "./contacts-batch-upsert";
import { checkContactsApi, upsertTestContact } from "./crm";
import { findHubspotContact } from "./find-contact";
import { listContactProperties } from "./contact-properties";
import { hubspotRatePolicy } from "./rate-policy";
import { introspectHubspotToken } from "./metadata";
import { uninstallHubspotApp } from "./uninstall";
import { exchangeHubspotCode, hubspotAuthorizeUrl, refreshHubspotToken, revokeHubspotToken } from "./oauth";

export const HUBSPOT_PROVIDER_ID = "hubspot";

export function createHubspotProvider(config: HubspotConfig): IntegrationProvider & ConsentProvider {
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
    uninstall: (accessToken) => uninstallHubspotApp(config, accessToken),
    introspect: (accessToken, hint) => introspectHubspotToken(config, accessToken, hint),
    checkApi: (accessToken) => checkContactsApi(config, accessToken),
    upsertTestRecord: (accessToken, email) => upsertTestContact(config, accessToken, email),
    upsertContacts: (accessToken, batch) => upsertContactsByEmail(config, accessToken, batch),
    ratePolicy: hubspotRatePolicy,
    subscriptionScope: SUBSCRIPTION_SCOPE,
    batchStatusScopes: [BATCH_STATUS_READ_SCOPE],
    listSubscriptionTypes: (accessToken) => listSubscriptionTypes(config, accessToken),
    readSubscription: (accessToken, email, subscriptionId) => readSubscription(config, accessToken, email, subscriptionId),
    readSubscriptionsBatch: (accessToken, emails, subscriptionId) => readSubscriptionsBatch(config, accessToken, emails, subscriptionId),
    subscribe: (accessToken, email, subscriptionId, consentText) => subscribe(config, accessToken, email, subscriptionId, consentText),
    unsubscribe: (accessToken, email, subscriptionId, reason) => unsubscribe(config, accessToken, email, subscriptionId, reason),
    listScopes: [LISTS_READ_SCOPE, LISTS_WRITE_SCOPE],
    listStaticLists: (accessToken) => listManualLists(config, accessToken),
    addToList: (accessToken, listId, contactIds) => addToList(config, accessToken, listId, contactIds),
    readMarketingStatus: (accessToken, contactIds) => readMarketingStatus(config, accessToken, contactIds),
    findContact: (accessToken, email) => findHubspotContact(config, accessToken, email),
    listContactProperties: (accessToken) => listContactProperties(config, accessToken),
  };
}
