// The consent side of the sync against the simulator over HTTP, on both databases: subscribing
// synced contacts with a legal basis and the exact consent text, never writing for someone who
// opted out (of the type or of all email), the Enterprise batch reads only with their scope, the
// calls taken from the portal's shared budget, and opt-outs made in HubSpot read back by the poll.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@switchboard/lib/db/create-client";
import { createProviderRegistry } from "@switchboard/lib/integrations/registry";
import { serverEnv } from "@switchboard/lib/env/server";
import type { ConsentDeps } from "@switchboard/lib/signups/consent/consent-deps";
import { loadConsentPanels } from "@switchboard/lib/signups/consent/consent-panels";
import { runOptOutPoll } from "@switchboard/lib/signups/consent/opt-out-poll";
import { runMarketingStep } from "@switchboard/lib/signups/consent/marketing-step";
import { runUnsubscribePush } from "@switchboard/lib/signups/consent/unsubscribe-push";
import { unsubscribeSignup } from "@switchboard/lib/signups/consent/unsubscribe-signup";
import { runListStep } from "@switchboard/lib/signups/consent/list-step";
import { chooseNewsletterList } from "@switchboard/lib/signups/consent/newsletter-list";
import { getValidAccessToken } from "@switchboard/lib/integrations/tokens/access-token";
import { AppError } from "@switchboard/lib/app-error";
import { marketingSentence, marketingSummary } from "@switchboard/lib/signups/consent/consent-summary";
import { runSubscriptionStep } from "@switchboard/lib/signups/consent/subscription-step";
import { startSimulator } from "@/simulator/src/server";
import { connectPortal } from "@/tests/helpers/connect-portal";
import { createTestDatabase, testProviders, type TestDatabase } from "@/tests/helpers/databases";
import { seedTenant } from "@/tests/helpers/seed-tenant";
import { configureAppForSimulator } from "@/tests/helpers/simulator-env";
import { addSignups, simJson, syncDeps, syncUntilIdle } from "./support/sync-harness";
import { subscribeToEvents } from "@/tests/helpers/outbox-subscriber";

const NEWSLETTER = "62515001";
const CONSENT = "Yes, send me the Acme newsletter. I can unsubscribe at any time — Acme GmbH, Berlin.";
const BATCH_READ = "communication_preferences.statuses.batch.read";

let sim: Awaited<ReturnType<typeof startSimulator>>;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  // The app's configuration is read once: it names the simulator; each database is passed explicitly.
  configureAppForSimulator(sim.url, "file:./.data/unused-consent-sync.db");
});
afterAll(async () => sim.close());

type SimStatus = { subscriptionId: number; status: string; legalBasis: string | null; legalBasisExplanation: string | null };
const simStatuses = (email: string) =>
  simJson<{ unsubscribedFromAll: boolean; statuses: SimStatus[] }>(
    sim.url,
    `/_sim/portals/62515/subscription-statuses/${encodeURIComponent(email)}`,
  );
const personActs = (email: string, body: unknown) =>
  simJson(sim.url, `/_sim/portals/62515/subscription-statuses/${encodeURIComponent(email)}`, {
    method: "POST",
    body: JSON.stringify(body),
  });
const simRequests = async () =>
  (await simJson<{ requests: { method: string; path: string; status: number }[] }>(sim.url, "/_sim/requests")).requests;

describe.each(testProviders)("consent sync (%s)", (provider) => {
  let database: TestDatabase;
  let db: Db;
  const consentProvider = () => createProviderRegistry(serverEnv()).contactSync();
  const consentDeps = (): ConsentDeps => ({ ...syncDeps(database.store), consent: consentProvider() });

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    db = database.db;
  });
  afterAll(async () => database.drop());
  beforeEach(async () => {
    await simJson(sim.url, "/_sim/reset", { method: "POST" });
    await database.reset();
    await subscribeToEvents(database.db);
  });

  async function syncedTenant(count: number) {
    const {
      tenant,
      people: [owner],
    } = await seedTenant(db);
    const { connectionId } = await connectPortal({ db, tenant }, { actor: owner!.actor });
    await db.tenant.update({ where: { id: tenant.id }, data: { newsletterSubscriptionId: NEWSLETTER } });
    await addSignups(db, tenant.id, count);
    await db.signup.updateMany({ where: { tenantId: tenant.id }, data: { consentText: CONSENT } });
    await syncUntilIdle(syncDeps(database.store));
    expect(await db.signup.count({ where: { tenantId: tenant.id, status: "SYNCED" } })).toBe(count);
    return { tenant, connectionId };
  }

  it("subscribes with CONSENT_WITH_NOTICE and the exact consent text, and writes nothing for contacts who opted out", async () => {
    const { tenant } = await syncedTenant(3);
    // The portal requires a legal basis (data-privacy settings on); two people had opted out in HubSpot.
    await simJson(sim.url, "/_sim/portals/62515/settings", { method: "PATCH", body: JSON.stringify({ dataPrivacy: true }) });
    await personActs("reader1@example.com", { subscriptionId: Number(NEWSLETTER), status: "UNSUBSCRIBED" });
    await personActs("reader2@example.com", { unsubscribeFromAll: true });
    await simJson(sim.url, "/_sim/requests", { method: "DELETE" });

    expect(await runSubscriptionStep(consentDeps())).toBe(3);

    const subscribed = (await simStatuses("reader0@example.com")).statuses.find((status) => status.subscriptionId === Number(NEWSLETTER));
    expect(subscribed).toMatchObject({ status: "SUBSCRIBED", legalBasis: "CONSENT_WITH_NOTICE", legalBasisExplanation: CONSENT });
    expect((await simStatuses("reader1@example.com")).statuses.find((status) => status.subscriptionId === Number(NEWSLETTER))?.status).toBe(
      "UNSUBSCRIBED",
    );
    expect((await simStatuses("reader2@example.com")).unsubscribedFromAll).toBe(true);
    // Not one write for the two who opted out: HubSpot would have resubscribed them.
    const writes = (await simRequests()).filter(
      (request) => request.method === "POST" && /\/statuses\/[^/]+$/.test(request.path) && !request.path.includes("/batch/"),
    );
    // (The simulator's log shows addresses in paths as [email]; the statuses above say whose it was.)
    expect(writes).toHaveLength(1);
    const rows = await db.signup.findMany({ where: { tenantId: tenant.id }, orderBy: { email: "asc" } });
    expect(rows.map((row) => [row.email, row.subscriptionState])).toEqual([
      ["reader0@example.com", "SUBSCRIBED"],
      ["reader1@example.com", "OPTED_OUT"],
      ["reader2@example.com", "OPTED_OUT"],
    ]);
    // Done is done: another round makes no call.
    await simJson(sim.url, "/_sim/requests", { method: "DELETE" });
    expect(await runSubscriptionStep(consentDeps())).toBe(0);
    expect(await simRequests()).toEqual([]);
  });

  it("reads with the Enterprise batch endpoints only when the portal granted their scope, and takes every call from the shared budget", async () => {
    const { connectionId } = await syncedTenant(4);
    const connection = await db.connection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(connection.grantedScopes.split(" ")).toContain(BATCH_READ);
    await simJson(sim.url, "/_sim/requests", { method: "DELETE" });
    const slotsBefore = await db.portalCallSlot.count({ where: { usedAt: { gt: new Date(Date.now() - 10_000) } } });
    await runSubscriptionStep(consentDeps());
    let requests = await simRequests();
    // Two batch reads (type statuses, unsubscribe-all) for all four, then one write each.
    expect(requests.filter((request) => request.path.includes("/statuses/batch/"))).toHaveLength(2);
    expect(requests.filter((request) => request.method === "GET")).toHaveLength(0);
    expect(requests).toHaveLength(6);
    const slotsAfter = await db.portalCallSlot.count({ where: { usedAt: { gt: new Date(Date.now() - 10_000) } } });
    expect(slotsAfter - slotsBefore).toBe(requests.length);

    // Without the batch scope: two single reads and one write per contact.
    await db.connection.update({
      where: { id: connectionId },
      data: { grantedScopes: connection.grantedScopes.replace(BATCH_READ, "").trim() },
    });
    await db.signup.updateMany({ data: { subscriptionState: null } });
    await simJson(sim.url, "/_sim/requests", { method: "DELETE" });
    await runSubscriptionStep(consentDeps());
    requests = await simRequests();
    expect(requests.filter((request) => request.path.includes("/batch/"))).toHaveLength(0);
    expect(requests.filter((request) => request.method === "GET")).toHaveLength(8);
  });

  it("without the subscription scope contacts are still created, nothing is written, and the card says what is missing", async () => {
    const { tenant, connectionId } = await syncedTenant(2);
    const connection = await db.connection.findUniqueOrThrow({ where: { id: connectionId } });
    const granted = connection.grantedScopes.split(" ").filter((scope) => !scope.startsWith("communication_preferences"));
    await db.connection.update({ where: { id: connectionId }, data: { grantedScopes: granted.join(" ") } });
    await simJson(sim.url, "/_sim/requests", { method: "DELETE" });
    expect(await runSubscriptionStep(consentDeps())).toBe(0);
    expect(await simRequests()).toEqual([]);
    const panel = (await loadConsentPanels(db, tenant.id, [{ id: connectionId, scopes: { granted, missingRequired: [] } }])).get(
      connectionId,
    )!;
    expect(panel).toMatchObject({
      subscriptionScopeGranted: false,
      subscriptionScope: "communication_preferences.read_write",
      callsPerSignup: "0.02",
    });
  });

  it("the opt-out poll brings an opt-out made in HubSpot back as Unsubscribed with signup.unsubscribed", async () => {
    const { tenant } = await syncedTenant(3);
    await runSubscriptionStep(consentDeps());
    await personActs("reader2@example.com", { subscriptionId: Number(NEWSLETTER), status: "UNSUBSCRIBED" });
    // Recently synced contacts are read again once an hour: make the last reading older than that.
    await db.signup.updateMany({ data: { subscriptionCheckedAt: new Date(Date.now() - 2 * 3_600_000) } });
    expect(await runOptOutPoll(consentDeps())).toBe(1);
    const rows = await db.signup.findMany({ where: { tenantId: tenant.id }, orderBy: { email: "asc" } });
    expect(rows.map((row) => row.status)).toEqual(["SYNCED", "SYNCED", "UNSUBSCRIBED"]);
    expect(rows.filter((row) => row.subscriptionCheckedAt! < new Date(Date.now() - 60_000))).toEqual([]);
    const events = await db.webhookEvent.findMany({ where: { type: "signup.unsubscribed" } });
    expect(events.map((event) => JSON.parse(event.payload).data)).toEqual([
      expect.objectContaining({ signupId: rows[2]!.id, email: "reader2@example.com" }),
    ]);
    // Read again within the hour: nothing is due, no call is made, nothing is announced twice.
    await simJson(sim.url, "/_sim/requests", { method: "DELETE" });
    expect(await runOptOutPoll(consentDeps())).toBe(0);
    expect((await simRequests()).filter((request) => request.path.includes("/communication-preferences/"))).toEqual([]);
  });

  it("reads hs_marketable_status back (never writes it) and counts the synced contacts that are not marketing contacts", async () => {
    const { tenant } = await syncedTenant(2);
    // An admin turns on "create as marketing contacts": only contacts created afterwards are marketing contacts.
    await simJson(sim.url, "/_sim/portals/62515/settings", { method: "PATCH", body: JSON.stringify({ createAsMarketingContacts: true }) });
    await addSignups(db, tenant.id, 1, "later");
    await syncUntilIdle(syncDeps(database.store));
    await simJson(sim.url, "/_sim/requests", { method: "DELETE" });
    expect(await runMarketingStep(consentDeps())).toBe(3);
    const rows = await db.signup.findMany({ where: { tenantId: tenant.id }, orderBy: { email: "asc" } });
    expect(rows.map((row) => [row.email, row.marketingContact])).toEqual([
      ["later0@example.com", true],
      ["reader0@example.com", false],
      ["reader1@example.com", false],
    ]);
    // One read for the three, and no write of any kind.
    expect((await simRequests()).map((request) => `${request.method} ${request.path}`)).toEqual([
      "POST /crm/objects/2026-03/contacts/search",
    ]);
    expect(marketingSentence(await marketingSummary(db, { tenantId: tenant.id }))).toBe(
      "2 of 3 synced contacts are not marketing contacts",
    );
    expect(await runMarketingStep(consentDeps())).toBe(0);
  });

  it("an unsubscribe made through Switchboard (link or API) reaches HubSpot as UNSUBSCRIBED for the newsletter type", async () => {
    const { tenant } = await syncedTenant(2);
    await simJson(sim.url, "/_sim/portals/62515/settings", { method: "PATCH", body: JSON.stringify({ dataPrivacy: true }) });
    await runSubscriptionStep(consentDeps());
    const leaving = await db.signup.findFirstOrThrow({ where: { tenantId: tenant.id, email: "reader1@example.com" } });
    expect(await unsubscribeSignup(db, { id: leaving.id, tenantId: tenant.id }, "link")).toBe("unsubscribed");
    expect(await runUnsubscribePush(consentDeps())).toBe(1);
    const status = (email: string) =>
      simStatuses(email).then((answer) => answer.statuses.find((one) => one.subscriptionId === Number(NEWSLETTER))?.status);
    expect(await status("reader1@example.com")).toBe("UNSUBSCRIBED");
    expect(await status("reader0@example.com")).toBe("SUBSCRIBED");
    expect(await db.signup.findUniqueOrThrow({ where: { id: leaving.id } })).toMatchObject({
      status: "UNSUBSCRIBED",
      hubspotUnsubscribePending: false,
    });
    // Told once: nothing is pending any more.
    await simJson(sim.url, "/_sim/requests", { method: "DELETE" });
    expect(await runUnsubscribePush(consentDeps())).toBe(0);
    expect(await simRequests()).toEqual([]);
  });

  it("every synced contact joins the chosen MANUAL list; a DYNAMIC list cannot be chosen", async () => {
    const { tenant, connectionId } = await syncedTenant(3);
    const accessToken = await getValidAccessToken(db, connectionId);
    const createList = async (name: string, processingType: string) => {
      const response = await fetch(`${sim.url}/crm/lists/2026-03`, {
        method: "POST",
        headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/json" },
        body: JSON.stringify({
          name,
          objectTypeId: "0-1",
          processingType,
          ...(processingType === "DYNAMIC" ? { filterBranch: { filterBranchType: "OR", filterBranches: [], filters: [] } } : {}),
        }),
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { list: { listId: string } }).list.listId;
    };
    const manual = await createList("Newsletter readers", "MANUAL");
    const dynamic = await createList("Everyone in Berlin", "DYNAMIC");
    const collaborators = { consent: consentProvider(), accessToken: (database: Db, id: string) => getValidAccessToken(database, id) };
    await expect(chooseNewsletterList(db, tenant.id, dynamic, collaborators)).rejects.toBeInstanceOf(AppError);
    await chooseNewsletterList(db, tenant.id, manual, collaborators);
    await simJson(sim.url, "/_sim/requests", { method: "DELETE" });
    expect(await runListStep(consentDeps())).toBe(3);
    expect((await simRequests()).map((request) => `${request.method} ${request.path}`)).toEqual([
      `PUT /crm/lists/2026-03/${manual}/memberships/add`,
    ]);
    const list = await fetch(`${sim.url}/crm/lists/2026-03/${manual}`, { headers: { authorization: `Bearer ${accessToken}` } }).then(
      (response) => response.json() as Promise<{ list: { additionalProperties: { hs_list_size: string | number } } }>,
    );
    expect(Number(list.list.additionalProperties.hs_list_size)).toBe(3);
    expect(await db.signup.count({ where: { tenantId: tenant.id, listAddedAt: null } })).toBe(0);
    expect(await runListStep(consentDeps())).toBe(0);
  });
});
