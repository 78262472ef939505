// HubSpot's date-versioned (2026-03) endpoints, the family that outlives v1–v3 (sunset September
// 2027). The version sits after the API family: /crm/objects/2026-03/contacts, /oauth/2026-03/token.

export const HUBSPOT_API_VERSION = "2026-03";

export const hubspotPaths = {
  token: `/oauth/${HUBSPOT_API_VERSION}/token`,
  introspect: `/oauth/${HUBSPOT_API_VERSION}/token/introspect`,
  revoke: `/oauth/${HUBSPOT_API_VERSION}/token/revoke`,
  contacts: `/crm/objects/${HUBSPOT_API_VERSION}/contacts`,
  contactsBatchUpsert: `/crm/objects/${HUBSPOT_API_VERSION}/contacts/batch/upsert`,
  uninstall: `/appinstalls/${HUBSPOT_API_VERSION}/external-install`,
  listsSearch: `/crm/lists/${HUBSPOT_API_VERSION}/search`,
  listMembershipsAdd: (listId: string) => `/crm/lists/${HUBSPOT_API_VERSION}/${encodeURIComponent(listId)}/memberships/add`,
  contactsSearch: `/crm/objects/${HUBSPOT_API_VERSION}/contacts/search`,
  contactProperties: `/crm/properties/${HUBSPOT_API_VERSION}/contacts`,
  subscriptionDefinitions: `/communication-preferences/${HUBSPOT_API_VERSION}/definitions`,
  subscriptionStatuses: (email: string) => `/communication-preferences/${HUBSPOT_API_VERSION}/statuses/${encodeURIComponent(email)}`,
  unsubscribeAllStatus: (email: string) =>
    `/communication-preferences/${HUBSPOT_API_VERSION}/statuses/${encodeURIComponent(email)}/unsubscribe-all`,
  subscriptionStatusesBatchRead: `/communication-preferences/${HUBSPOT_API_VERSION}/statuses/batch/read`,
  unsubscribeAllBatchRead: `/communication-preferences/${HUBSPOT_API_VERSION}/statuses/batch/unsubscribe-all/read`,
} as const;
