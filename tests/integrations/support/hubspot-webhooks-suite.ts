// HubSpot's app webhooks end to end on one database: the route handler behind a real HTTP receiver
// (the "public" URL; the handler itself sees an internal one, as behind a proxy), signed batches sent
// by the simulator over HTTP, the stored batch, and the worker's processing — privacy deletion on
// every tenant connected to the portal, merges, repeats, out-of-order delivery — plus fast-check
// over bodies, signatures and timestamps that must all be refused with nothing stored.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signV3 } from "@switchboard/lib/integrations/hubspot-webhooks/signature-v3";
import { processHubspotWebhooks } from "@switchboard/lib/integrations/hubspot-webhooks/process-batches";
import { ERASED_EMAIL } from "@switchboard/lib/integrations/hubspot-webhooks/erase-signup";
import { recordWebhookEvents } from "@switchboard/lib/webhooks/record-webhook-events";
import { signupFailedEvent, signupSyncedEvent } from "@switchboard/lib/webhooks/outbox-events";
import { startSimulator } from "@/simulator/src/server";
import { connectPortal } from "@/tests/helpers/connect-portal";
import { configureAppForSimulator } from "@/tests/helpers/simulator-env";
import { addSignups, simJson, syncDeps, syncUntilIdle } from "@/tests/signups/support/sync-harness";
import { createTestDatabase, type TestDatabase, type TestProvider } from "@/tests/helpers/databases";
import { seedTenant } from "@/tests/helpers/seed-tenant";
import { subscribeToEvents } from "@/tests/helpers/outbox-subscriber";

// The app's client secret, which HubSpot (and the simulator) signs with.
const SECRET = "switchboard-local-secret";
const INTERNAL_ORIGIN = "http://10.0.0.5:3000";
const PATH = "/api/integrations/hubspot/webhooks";
const PORTAL = "62515";

export function describeHubspotWebhooks(provider: TestProvider): void {
  describe(`HubSpot app webhooks (${provider})`, () => {
    let database: TestDatabase;
    let POST: (request: Request) => Promise<Response>;
    let sim: Awaited<ReturnType<typeof startSimulator>>;
    let receiver: Server;
    let PUBLIC_ORIGIN = "";

    beforeAll(async () => {
      database = await createTestDatabase(provider);
      // The app sits behind a proxy: HubSpot calls the public URL (this receiver), the handler sees an internal one.
      receiver = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (chunk: Buffer) => chunks.push(chunk));
        req.on("end", () => {
          const headers = Object.fromEntries(
            Object.entries(req.headers).flatMap(([name, value]) => (typeof value === "string" ? [[name, value]] : [])),
          );
          void POST(new Request(`${INTERNAL_ORIGIN}${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) })).then(
            (answer) => {
              res.writeHead(answer.status).end();
            },
          );
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
      PUBLIC_ORIGIN = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
      sim = await startSimulator({ port: 0, redirectUris: [`${PUBLIC_ORIGIN}/api/integrations/hubspot/callback`] });
      configureAppForSimulator(sim.url, database.url, { APP_URL: PUBLIC_ORIGIN });
      ({ POST } = await import("@/app/api/integrations/hubspot/webhooks/route"));
    });
    afterAll(async () => {
      await new Promise((resolve) => receiver.close(resolve));
      await sim.close();
      await database.drop();
    });
    beforeEach(async () => {
      await simJson(sim.url, "/_sim/reset", { method: "POST" });
      await database.reset();
      await subscribeToEvents(database.db);
    });

    /** As HubSpot sends it: signed over the public URL, delivered to the app's internal address. */
    function hubspotRequest(
      body: string,
      options: { timestamp?: number; secret?: string; signedUrl?: string; query?: string } = {},
    ): Request {
      const timestamp = String(options.timestamp ?? Date.now());
      const query = options.query ?? "";
      const signature = signV3(options.secret ?? SECRET, "POST", options.signedUrl ?? `${PUBLIC_ORIGIN}${PATH}${query}`, body, timestamp);
      return new Request(`${INTERNAL_ORIGIN}${PATH}${query}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-hubspot-signature-v3": signature, "x-hubspot-request-timestamp": timestamp },
        body,
      });
    }

    const event = (type: string, fields: Record<string, unknown>) => ({
      eventId: 1,
      subscriptionId: 7,
      portalId: Number(PORTAL),
      appId: 99,
      occurredAt: Date.now(),
      subscriptionType: type,
      attemptNumber: 0,
      ...fields,
    });

    async function twoTenantsOnOnePortal() {
      const { db } = database;
      const tenants = [(await seedTenant(db)).tenant, (await seedTenant(db)).tenant];
      const connections = await Promise.all(
        tenants.map((tenant) =>
          db.connection.create({ data: { tenantId: tenant.id, provider: "hubspot", portalId: PORTAL, grantedScopes: "oauth" } }),
        ),
      );
      const otherPortal = await db.connection.create({ data: { tenantId: tenants[0]!.id, provider: "hubspot", portalId: "99999" } });
      const signup = (index: number, email: string, contactId: string, connectionId = connections[index]!.id) =>
        db.signup.create({
          data: {
            tenantId: tenants[index]!.id,
            email,
            emailNormalized: email,
            firstName: "Ada",
            consentGiven: true,
            status: "SYNCED",
            hubspotContactId: contactId,
            connectionId,
            syncedAt: new Date(),
          },
        });
      return { tenants, connections, otherPortal, signup };
    }

    it("stores a correctly signed batch and answers 200; the worker erases the contact in every tenant on that portal", async () => {
      const { db } = database;
      const { tenants, otherPortal, signup } = await twoTenantsOnOnePortal();
      const first = await signup(0, "ada@example.com", "123");
      const second = await signup(1, "ada@example.com", "123");
      const bystander = await signup(0, "bob@example.com", "124");
      // Same contact id, another portal: not the same person.
      const elsewhere = await db.signup.create({
        data: {
          tenantId: tenants[0]!.id,
          email: "eve@example.com",
          emailNormalized: "eve@example.com",
          status: "SYNCED",
          hubspotContactId: "123",
          connectionId: otherPortal.id,
        },
      });
      await recordWebhookEvents(db, [signupSyncedEvent({ id: first.id, tenantId: tenants[0]!.id, email: first.email }, "123")]);

      // The payload's email is someone else's on purpose: matching is by objectId only.
      const body = JSON.stringify([
        event("contact.privacyDeletion", { objectId: 123, propertyValue: "bob@example.com" }),
        event("contact.deletion", { objectId: 123 }),
      ]);
      const response = await POST(hubspotRequest(body));
      expect(response.status).toBe(200);
      expect(await db.hubspotWebhookBatch.count()).toBe(1);

      expect(await processHubspotWebhooks(db)).toBe(1);
      for (const id of [first.id, second.id]) {
        const row = await db.signup.findUniqueOrThrow({ where: { id } });
        expect(row).toMatchObject({ email: ERASED_EMAIL, firstName: null, status: "SYNCED" });
        expect(row.erasedAt).not.toBeNull();
      }
      expect((await db.signup.findUniqueOrThrow({ where: { id: bystander.id } })).email).toBe("bob@example.com");
      expect((await db.signup.findUniqueOrThrow({ where: { id: elsewhere.id } })).email).toBe("eve@example.com");
      // The counts hold: the tombstones are still signups.
      expect(await db.signup.count({ where: { tenantId: tenants[0]!.id } })).toBe(3);
      const events = await db.webhookEvent.findMany({ orderBy: { createdAt: "asc" } });
      expect(
        events
          .filter((row) => row.type === "signup.erased")
          .map((row) => JSON.parse(row.payload).data.signupId)
          .sort(),
      ).toEqual([first.id, second.id].sort());
      // Nowhere does Switchboard still keep the address: not in the outbox, not in the stored batch.
      expect(events.some((row) => row.payload.includes("ada@example.com"))).toBe(false);
      const stored = await db.hubspotWebhookBatch.findFirstOrThrow();
      expect(stored.processedAt).not.toBeNull();
      expect(stored.body ?? "").not.toContain("@example.com");
    });

    it("erases the answers to the optional form fields too, and a failure reason in the outbox that quotes one", async () => {
      const { db } = database;
      const { tenants, signup } = await twoTenantsOnOnePortal();
      const ada = await signup(0, "ada@example.com", "321");
      await db.signup.update({ where: { id: ada.id }, data: { lastName: "Lovelace", company: "Analytical Engines", freeText: "gold" } });
      const bob = await signup(0, "bob@example.com", "322");
      await db.signup.update({ where: { id: bob.id }, data: { lastName: "Babbage", company: "Analytical Engines" } });
      const tenant = tenants[0]!;
      // As HubSpot's own message can read, had it refused the answer before the contact synced.
      const quoting = "VALIDATION_ERROR: Analytical Engines was not one of the allowed options: [Difference]";
      await recordWebhookEvents(db, [
        signupFailedEvent({ id: ada.id, tenantId: tenant.id, email: ada.email }, quoting),
        signupSyncedEvent({ id: ada.id, tenantId: tenant.id, email: ada.email }, "321"),
        signupFailedEvent({ id: bob.id, tenantId: tenant.id, email: bob.email }, quoting),
      ]);

      expect((await POST(hubspotRequest(JSON.stringify([event("contact.privacyDeletion", { objectId: 321 })])))).status).toBe(200);
      await processHubspotWebhooks(db);

      expect(await db.signup.findUniqueOrThrow({ where: { id: ada.id } })).toMatchObject({
        email: ERASED_EMAIL,
        firstName: null,
        lastName: null,
        company: null,
        freeText: null,
      });
      const payloads = (await db.webhookEvent.findMany({ where: { tenantId: tenant.id } })).map((row) => JSON.parse(row.payload));
      const adas = payloads.filter((payload) => payload.data.signupId === ada.id);
      expect(adas.map((payload) => [payload.type, payload.data.reason])).toEqual(
        expect.arrayContaining([
          ["signup.failed", "[personal data erased]"],
          ["signup.synced", null],
        ]),
      );
      expect(JSON.stringify(adas)).not.toMatch(/Analytical|ada@example\.com/);
      // Someone else's, untouched: the same words are Bob's to keep.
      expect(await db.signup.findUniqueOrThrow({ where: { id: bob.id } })).toMatchObject({
        lastName: "Babbage",
        company: "Analytical Engines",
      });
      expect(payloads.find((payload) => payload.data.signupId === bob.id)?.data.reason).toBe(quoting);
    });

    it("the simulator's signed batches over HTTP: a privacy deletion erases the synced signup, a merge remaps its contact id", async () => {
      const { db } = database;
      const {
        tenant,
        people: [owner],
      } = await seedTenant(db);
      await connectPortal({ db, tenant }, { actor: owner!.actor });
      await addSignups(db, tenant.id, 3);
      await syncUntilIdle(syncDeps(database.store));
      const rows = await db.signup.findMany({ where: { tenantId: tenant.id }, orderBy: { email: "asc" } });
      const [gone, primary, merged] = rows.map((row) => row.hubspotContactId!);
      const send = (events: unknown[]) =>
        simJson<{ delivery: { state: string; attempts: { status: number }[] } }>(sim.url, "/_sim/webhooks/send", {
          method: "POST",
          body: JSON.stringify({ portalId: 62515, events, targetUrl: `${PUBLIC_ORIGIN}${PATH}`, wait: true }),
        });
      const deletion = await send([{ type: "contact.privacyDeletion", objectId: gone }]);
      expect(deletion.delivery).toMatchObject({ state: "delivered", attempts: [{ status: 200 }] });
      const merge = await send([{ type: "contact.merge", primaryObjectId: primary, mergedObjectIds: [merged] }]);
      expect(merge.delivery.state).toBe("delivered");
      expect(await db.hubspotWebhookBatch.count({ where: { processedAt: null } })).toBe(2);
      await processHubspotWebhooks(db);
      const after = await db.signup.findMany({ where: { tenantId: tenant.id }, orderBy: { createdAt: "asc" } });
      expect(after.find((row) => row.id === rows[0]!.id)).toMatchObject({ email: ERASED_EMAIL, firstName: null });
      expect(after.find((row) => row.id === rows[2]!.id)).toMatchObject({ hubspotContactId: primary, email: "reader2@example.com" });
      expect(await db.webhookEvent.count({ where: { type: "signup.erased" } })).toBe(1);
    });

    it("is idempotent: the same deletion delivered twice erases once and announces once", async () => {
      const { db } = database;
      const { signup } = await twoTenantsOnOnePortal();
      await signup(0, "ada@example.com", "123");
      const body = JSON.stringify([event("contact.privacyDeletion", { objectId: 123 })]);
      expect((await POST(hubspotRequest(body))).status).toBe(200);
      await processHubspotWebhooks(db);
      expect((await POST(hubspotRequest(body))).status).toBe(200);
      await processHubspotWebhooks(db);
      expect(await db.webhookEvent.count({ where: { type: "signup.erased" } })).toBe(1);
    });

    it("remaps merged contact ids, and a deletion of the merged contact that arrived before the merge still erases", async () => {
      const { db } = database;
      const { signup } = await twoTenantsOnOnePortal();
      const merged = await signup(0, "ada@example.com", "200");
      const kept = await signup(1, "bob@example.com", "300");
      // Out of order: HubSpot delivers the deletion of the merged contact (400) before the merge itself.
      expect((await POST(hubspotRequest(JSON.stringify([event("contact.privacyDeletion", { objectId: 400 })])))).status).toBe(200);
      await processHubspotWebhooks(db);
      expect((await db.signup.findUniqueOrThrow({ where: { id: merged.id } })).erasedAt).toBeNull();
      const merge = event("contact.merge", { objectId: 400, primaryObjectId: 200, mergedObjectIds: [200, 201], newObjectId: 400 });
      expect((await POST(hubspotRequest(JSON.stringify([merge])))).status).toBe(200);
      await processHubspotWebhooks(db);
      const row = await db.signup.findUniqueOrThrow({ where: { id: merged.id } });
      expect(row.hubspotContactId).toBe("400");
      expect(row.erasedAt).not.toBeNull();
      expect(await db.signup.findUniqueOrThrow({ where: { id: kept.id } })).toMatchObject({
        hubspotContactId: "300",
        email: "bob@example.com",
      });
    });

    it("refuses with 401 and stores nothing: another secret, the internal URL, an old or future timestamp, no headers, a body that is not HubSpot's", async () => {
      const { db } = database;
      const body = JSON.stringify([event("contact.privacyDeletion", { objectId: 1 })]);
      const refused = [
        hubspotRequest(body, { secret: "another-secret" }),
        hubspotRequest(body, { signedUrl: `${INTERNAL_ORIGIN}${PATH}` }),
        hubspotRequest(body, { timestamp: Date.now() - 5 * 60_000 - 1_000 }),
        hubspotRequest(body, { timestamp: Date.now() + 6 * 60_000 }),
        new Request(`${PUBLIC_ORIGIN}${PATH}`, { method: "POST", body }),
        hubspotRequest(JSON.stringify({ not: "an array" })),
        hubspotRequest("[{"),
      ];
      for (const request of refused) expect((await POST(request)).status).toBe(401);
      // The query string is part of what is signed: a request moved to another query is refused.
      const signedForQuery = hubspotRequest(body, { query: "?a=1" });
      const moved = new Request(signedForQuery.url.replace("?a=1", "?a=2"), { method: "POST", headers: signedForQuery.headers, body });
      expect((await POST(moved)).status).toBe(401);
      expect(await db.hubspotWebhookBatch.count()).toBe(0);
      expect((await POST(hubspotRequest(body, { query: "?a=1" }))).status).toBe(200);
    });

    it("fast-check: arbitrary bodies, signatures and timestamps are refused with nothing stored", async () => {
      const { db } = database;
      const now = Date.now();
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.string(), fc.json(), fc.constant(JSON.stringify([event("contact.privacyDeletion", { objectId: 5 })]))),
          fc.option(fc.string({ maxLength: 60 })),
          fc.option(fc.oneof(fc.integer({ min: 0, max: now - 5 * 60_000 - 1 }).map(String), fc.string({ maxLength: 20 }))),
          async (body, signature, timestamp) => {
            const headers: Record<string, string> = { "content-type": "application/json" };
            if (signature !== null) headers["x-hubspot-signature-v3"] = signature;
            if (timestamp !== null) headers["x-hubspot-request-timestamp"] = timestamp;
            const response = await POST(new Request(`${PUBLIC_ORIGIN}${PATH}`, { method: "POST", headers, body }));
            expect(response.status).toBe(401);
          },
        ),
        { numRuns: 150 },
      );
      // Signed correctly but not HubSpot's event array: refused too.
      await fc.assert(
        fc.asyncProperty(
          fc.json().filter((text) => !Array.isArray(JSON.parse(text)) || JSON.parse(text).length === 0),
          async (body) => {
            expect((await POST(hubspotRequest(body))).status).toBe(401);
          },
        ),
        { numRuns: 100 },
      );
      expect(await db.hubspotWebhookBatch.count()).toBe(0);
    });
  });
}
