// Which providers exist and how each is built from configuration. Adding Salesforce means adding
// one entry here (and its folder); pages, flows and the sync only ever see IntegrationProvider.
import type { ServerEnv } from "@/lib/env/server";
import { hubspotConfigFromEnv } from "./hubspot/config";
import { createHubspotProvider, HUBSPOT_PROVIDER_ID } from "./hubspot/provider";
import type { ConsentProvider } from "./consent-calls";
import { hubspotRatePolicy } from "./hubspot/rate-policy";
import type { RatePolicy } from "./pacing/rate-policy";
import type { IntegrationProvider } from "./provider";

// HubSpot is also the consent provider (subscription statuses, marketing status, lists). A provider's
// rate policy needs no configuration, so pacing can be set up before the provider can be built.
type ProviderEntry = {
  build(env: ServerEnv, options: { requestTimeoutMs?: number }): IntegrationProvider & ConsentProvider;
  ratePolicy: RatePolicy;
};

const factories: Record<string, ProviderEntry> = {
  [HUBSPOT_PROVIDER_ID]: {
    build: (env, { requestTimeoutMs }) =>
      createHubspotProvider({ ...hubspotConfigFromEnv(env), ...(requestTimeoutMs ? { requestTimeoutMs } : {}) }),
    ratePolicy: hubspotRatePolicy,
  },
};

/** The provider signups are pushed to (one today; a per-connection choice later). */
const CONTACT_SYNC_PROVIDER = HUBSPOT_PROVIDER_ID;

export class UnknownProviderError extends Error {
  override name = "UnknownProviderError";
}

/** A process's providers: each built on first use (a worker may idle before HubSpot's client id is
 * configured) and then kept, so every flow of the process shares one. */
export type ProviderRegistry = {
  get(providerId: string): IntegrationProvider;
  /** The provider signups are pushed to, with the sync's own per-call timeout (a batch upsert may
   * take longer than a page's token call). One provider today; a per-connection choice later. */
  contactSync(): IntegrationProvider & ConsentProvider;
  /** The contact sync provider's rate limits, available before the provider itself is configured. */
  contactSyncRatePolicy: RatePolicy;
};

export function createProviderRegistry(env: ServerEnv): ProviderRegistry {
  const built = new Map<string, IntegrationProvider>();
  const build = (providerId: string, options: { requestTimeoutMs?: number }) => {
    const factory = factories[providerId];
    if (!factory) throw new UnknownProviderError(`No integration provider named "${providerId}"`);
    return factory.build(env, options);
  };
  let contactSync: (IntegrationProvider & ConsentProvider) | undefined;
  return {
    get(providerId) {
      const existing = built.get(providerId);
      if (existing) return existing;
      const provider = build(providerId, {});
      built.set(providerId, provider);
      return provider;
    },
    contactSync() {
      contactSync ??= build(CONTACT_SYNC_PROVIDER, { requestTimeoutMs: env.SYNC_REQUEST_TIMEOUT_MS });
      return contactSync;
    },
    contactSyncRatePolicy: (factories[CONTACT_SYNC_PROVIDER] as ProviderEntry).ratePolicy,
  };
}
