// HubSpot app settings, derived once from the validated server configuration. Flows receive a
// HubspotConfig instead of reading the environment, so tests can aim them at a local simulator.

export type HubspotConfig = {
  clientId: string;
  clientSecret: string;
  requiredScopes: string[];
  optionalScopes: string[];
  /** Where the admin's browser is sent to consent, e.g. https://app.hubspot.com. */
  authBaseUrl: string;
  /** OAuth token endpoints and the CRM API, e.g. https://api.hubapi.com. */
  apiBaseUrl: string;
  redirectUri: string;
  /** Upper bound for one HTTP call to HubSpot, so a hung request cannot hold a refresh lease. */
  requestTimeoutMs: number;
};

export type HubspotEnv = {
  APP_URL: string;
  HUBSPOT_CLIENT_ID?: string;
  HUBSPOT_CLIENT_SECRET?: string;
  HUBSPOT_SCOPES: string;
  HUBSPOT_OPTIONAL_SCOPES: string;
  HUBSPOT_AUTH_BASE_URL: string;
  HUBSPOT_API_BASE_URL: string;
  HUBSPOT_REQUEST_TIMEOUT_MS: number;
};

export class HubspotNotConfiguredError extends Error {
  override name = "HubspotNotConfiguredError";
  constructor() {
    super("HubSpot is not configured: set HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET");
  }
}

export const HUBSPOT_CALLBACK_PATH = "/api/integrations/hubspot/callback";

export function hubspotConfigFromEnv(env: HubspotEnv): HubspotConfig {
  if (!env.HUBSPOT_CLIENT_ID || !env.HUBSPOT_CLIENT_SECRET) throw new HubspotNotConfiguredError();
  return {
    clientId: env.HUBSPOT_CLIENT_ID,
    clientSecret: env.HUBSPOT_CLIENT_SECRET,
    requiredScopes: splitScopes(env.HUBSPOT_SCOPES),
    optionalScopes: splitScopes(env.HUBSPOT_OPTIONAL_SCOPES),
    authBaseUrl: trimSlash(env.HUBSPOT_AUTH_BASE_URL),
    apiBaseUrl: trimSlash(env.HUBSPOT_API_BASE_URL),
    redirectUri: `${trimSlash(env.APP_URL)}${HUBSPOT_CALLBACK_PATH}`,
    requestTimeoutMs: env.HUBSPOT_REQUEST_TIMEOUT_MS,
  };
}

export function splitScopes(value: string): string[] {
  return [...new Set(value.split(/[\s,]+/).filter(Boolean))];
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
