// Which providers exist and how each is built from configuration. Adding Salesforce means adding
// one entry here (and its folder); pages and flows only ever see IntegrationProvider.
import { serverEnv, type ServerEnv } from "@/lib/env/server";
import { hubspotConfigFromEnv } from "./hubspot/config";
import { createHubspotProvider, HUBSPOT_PROVIDER_ID } from "./hubspot/provider";
import type { ConsentProvider } from "./consent-calls";
import type { IntegrationProvider } from "./provider";

const factories: Record<string, (env: ServerEnv) => IntegrationProvider> = {
  [HUBSPOT_PROVIDER_ID]: (env) => createHubspotProvider(hubspotConfigFromEnv(env)),
};

export class UnknownProviderError extends Error {
  override name = "UnknownProviderError";
}

const built = new Map<string, IntegrationProvider>();

export function providerFromEnv(providerId: string): IntegrationProvider {
  const existing = built.get(providerId);
  if (existing) return existing;
  const factory = factories[providerId];
  if (!factory) throw new UnknownProviderError(`No integration provider named "${providerId}"`);
  const provider = factory(serverEnv());
  built.set(providerId, provider);
  return provider;
}

/**
 * The provider signups are pushed to, with the sync's own per-call timeout (a batch upsert may
 * take longer than a page's token call). One provider today; a per-connection choice later.
 */
export function contactSyncProviderFromEnv(requestTimeoutMs: number): IntegrationProvider & ConsentProvider {
  return createHubspotProvider({ ...hubspotConfigFromEnv(serverEnv()), requestTimeoutMs });
}
