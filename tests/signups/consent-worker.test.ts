// The consent steps as the running sync worker does them (productionSyncOptions, the worker loop),
// against the simulator over HTTP on both databases: a signup becomes a contact, is subscribed and
// has its marketing status read without anyone calling a step; an opt-out made in HubSpot comes
// back as Unsubscribed; a privacy deletion HubSpot sent is processed into an anonymous tombstone.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@switchboard/lib/db/create-client";
import { receiveHubspotWebhook } from "@switchboard/lib/integrations/hubspot-webhooks/receive-webhook";
import { signV3 } from "@switchboard/lib/integrations/hubspot-webhooks/signature-v3";
import { ERASED_EMAIL } from "@switchboard/lib/integrations/hubspot-webhooks/erase-signup";
import { productionSyncOptions } from "@switchboard/lib/signups/sync/production-wiring";
import { serverEnv } from "@switchboard/lib/env/server";
import { createProviderRegistry } from "@switchboard/lib/integrations/registry";
import { defaultIntegrationServices } from "@switchboard/lib/integrations/services";
import { startSyncWorker, type SyncWorker } from "@switchboard/lib/signups/sync/sync-worker";
import { startSimulator } from "@/simulator/src/server";
import { connectPortal } from "@/tests/helpers/connect-portal";
import { createTestDatabase, testProviders, type TestDatabase } from "@/tests/helpers/databases";
import { seedTenant } from "@/tests/helpers/seed-tenant";
import { configureAppForSimulator } from "@/tests/helpers/simulator-env";
import { addSignups, simJson } from "./support/sync-harness";
import { waitFor } from "./support/worker-process";

const APP_URL = "http://localhost:3000";
const SECRET = "switchboard-local-secret";

let sim: Awaited<ReturnType<typeof startSimulator>>;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  configureAppForSimulator(sim.url, "file:./.data/unused-consent-worker.db");
});
afterAll(async () => sim.close());

describe.each(testProviders)("the sync worker's consent loop (%s)", (provider) => {
  let database: TestDatabase;
  let db: Db;
  let worker: SyncWorker | undefined;

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    db = database.db;
  });
  afterAll(async () => {
    await worker?.stop();
    await database.drop();
  });
  beforeEach(async () => {
    await simJson(sim.url, "/_sim/reset", { method: "POST" });
  });

  it("subscribes, reads marketing status, brings an opt-out back and erases on a privacy deletion, by itself", async () => {
    const {
      tenant,
      people: [owner],
    } = await seedTenant(db);
    await connectPortal({ db, tenant }, { actor: owner!.actor });
    await db.tenant.update({ where: { id: tenant.id }, data: { newsletterSubscriptionId: "62515001" } });
    await addSignups(db, tenant.id, 2);
    const providers = createProviderRegistry(serverEnv());
    const options = productionSyncOptions({
      store: database.store,
      env: serverEnv(),
      integrations: defaultIntegrationServices(),
      contactSync: () => providers.contactSync(),
      ratePolicy: providers.contactSyncRatePolicy,
    });
    worker = startSyncWorker({ ...options, settings: { ...options.settings, idlePollMs: 50, optOutPollEveryMs: 200 } });

    const rows = () => db.signup.findMany({ where: { tenantId: tenant.id }, orderBy: { email: "asc" } });
    await waitFor(
      async () => (await rows()).every((row) => row.subscriptionState === "SUBSCRIBED" && row.marketingContact === false),
      "both contacts subscribed and their marketing status read",
      30_000,
    );

    // The person opts out in HubSpot; their last reading is made older than the recheck interval.
    await simJson(sim.url, "/_sim/portals/62515/subscription-statuses/reader1%40example.com", {
      method: "POST",
      body: JSON.stringify({ subscriptionId: 62515001, status: "UNSUBSCRIBED" }),
    });
    await db.signup.updateMany({ where: { tenantId: tenant.id }, data: { subscriptionCheckedAt: new Date(Date.now() - 2 * 3_600_000) } });
    await waitFor(async () => (await rows())[1]!.status === "UNSUBSCRIBED", "the opt-out to come back", 30_000);
    expect((await rows())[0]!.status).toBe("SYNCED");

    // HubSpot's privacy deletion of the first contact, received the way the route receives it.
    const contactId = (await rows())[0]!.hubspotContactId!;
    const body = JSON.stringify([
      { subscriptionType: "contact.privacyDeletion", portalId: 62515, objectId: Number(contactId), occurredAt: Date.now(), eventId: 1 },
    ]);
    const timestamp = String(Date.now());
    const path = "/api/integrations/hubspot/webhooks";
    const answer = await receiveHubspotWebhook(db, SECRET, APP_URL, {
      method: "POST",
      pathAndQuery: path,
      body,
      timestamp,
      signature: signV3(SECRET, "POST", `${APP_URL}${path}`, body, timestamp),
    });
    expect(answer.status).toBe(200);
    await waitFor(async () => (await rows()).some((row) => row.erasedAt !== null), "the privacy deletion to be processed", 30_000);
    const erased = await db.signup.findFirstOrThrow({ where: { tenantId: tenant.id, erasedAt: { not: null } } });
    expect(erased).toMatchObject({ email: ERASED_EMAIL, hubspotContactId: contactId, firstName: null });
    await worker.stop();
    worker = undefined;
  });
});
