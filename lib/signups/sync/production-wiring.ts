// The real collaborators of the sync: tokens from the connections layer, contacts pushed through
// the provider seam, and the give-up limit from the configuration. Tests and the bench use the same
// wiring against the simulator.
import type { Store } from "@/lib/db/store";
import type { ServerEnv } from "@/lib/env/server";
import { getFreshAccessToken } from "@/lib/integrations/tokens/access-token";
import type { IntegrationProvider } from "@/lib/integrations/provider";
import type { ConsentProvider } from "@/lib/integrations/consent-calls";
import { SUBSCRIPTION_SCOPE, BATCH_STATUS_READ_SCOPE } from "@/lib/integrations/hubspot/communication-preferences";
import { LISTS_READ_SCOPE, LISTS_WRITE_SCOPE } from "@/lib/integrations/hubspot/lists";
import type { IntegrationServices } from "@/lib/integrations/services";
import type { RatePolicy } from "@/lib/integrations/pacing/rate-policy";
import { attemptsSpanning } from "./backoff";
import type { SyncWorkerOptions } from "./sync-worker";

export type SyncWiring = {
  store: Store;
  env: Pick<
    ServerEnv,
    "SYNC_GIVE_UP_AFTER_HOURS" | "SYNC_BATCH_SIZE" | "SYNC_LEASE_SECONDS" | "SYNC_IDLE_POLL_MS" | "SYNC_PORTAL_REQUESTS_PER_10S"
  >;
  integrations: IntegrationServices;
  /** Built on first use: a worker may start (and idle) before HubSpot's client id is configured. */
  contactSync: () => IntegrationProvider & ConsentProvider;
  /** The contact sync provider's rate limits (known without building the provider). */
  ratePolicy: RatePolicy;
};

export function productionSyncOptions({ store, env, integrations, contactSync, ratePolicy }: SyncWiring): SyncWorkerOptions {
  return {
    store,
    accessToken: async (database, connectionId, preloaded) =>
      (await getFreshAccessToken(database, connectionId, integrations, preloaded)).token,
    crm: {
      upsertContacts: (accessToken, batch) => contactSync().upsertContacts(accessToken, batch),
      listContactProperties: (accessToken) => contactSync().listContactProperties(accessToken),
      ratePolicy,
    },
    consent: lazyConsentProvider(contactSync),
    settings: {
      batchSize: env.SYNC_BATCH_SIZE,
      leaseMs: env.SYNC_LEASE_SECONDS * 1000,
      idlePollMs: env.SYNC_IDLE_POLL_MS,
      portalRequestsPer10s: env.SYNC_PORTAL_REQUESTS_PER_10S,
      giveUpAfterAttempts: attemptsSpanning(env.SYNC_GIVE_UP_AFTER_HOURS * 3_600_000),
      // Up to a whole rate window (10 s + guard): waiting in-process for the portal's next slot is
      // far cheaper than handing the rows back and re-claiming the backlog pass after pass.
      maxRateWaitMs: 11_000,
    },
  };
}

// The consent calls of the same provider, built on first use like the upserts.
function lazyConsentProvider(provider: () => ConsentProvider): ConsentProvider {
  return {
    subscriptionScope: SUBSCRIPTION_SCOPE,
    batchStatusScopes: [BATCH_STATUS_READ_SCOPE],
    listSubscriptionTypes: (accessToken) => provider().listSubscriptionTypes(accessToken),
    readSubscription: (accessToken, email, id) => provider().readSubscription(accessToken, email, id),
    readSubscriptionsBatch: (accessToken, emails, id) => provider().readSubscriptionsBatch(accessToken, emails, id),
    subscribe: (accessToken, email, id, text) => provider().subscribe(accessToken, email, id, text),
    unsubscribe: (accessToken, email, id, reason) => provider().unsubscribe(accessToken, email, id, reason),
    listScopes: [LISTS_READ_SCOPE, LISTS_WRITE_SCOPE],
    listStaticLists: (accessToken) => provider().listStaticLists(accessToken),
    addToList: (accessToken, listId, ids) => provider().addToList(accessToken, listId, ids),
    readMarketingStatus: (accessToken, ids) => provider().readMarketingStatus(accessToken, ids),
  };
}
