// The sync with a tenant's optional form fields mapped to contact properties, against the simulator
// over HTTP and a real database (sync-signup-fields-<database>.test.ts): the answers reach the
// contacts, the portal's properties are read once per round (not per batch), and a mapping that
// stopped fitting the portal (property deleted, made read-only, option removed) fails exactly the
// signups that answer it, with a reason, while the rest of their batch syncs — also when the
// properties cannot be read and HubSpot's own validation refuses (400 whole batch or 207 per trace id).
import { describe, expect, it } from "vitest";
import { serializeSignupFields, type SignupFields } from "@switchboard/lib/signups/fields/signup-fields";
import type { TestProvider } from "@/tests/helpers/databases";
import { subscribeToEvents } from "@/tests/helpers/outbox-subscriber";
import { simContacts, simJson, syncDeps, syncUntilIdle, sharedSyncWorld } from "../support/sync-harness";

const TIER_OPTIONS = [
  { label: "Gold", value: "gold" },
  { label: "Silver", value: "silver" },
];

type Answers = { lastName?: string; company?: string; freeText?: string };

export function syncSignupFieldsSuite(provider: TestProvider): void {
  const sync = sharedSyncWorld(provider);
  const sim = (path: string, method: string, body?: unknown) =>
    simJson(sync.world.sim.url, path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const addProperty = (name: string, label: string, extra: Record<string, unknown> = {}) =>
    sim("/_sim/portals/62515/properties", "POST", {
      name,
      label,
      type: "string",
      fieldType: "text",
      groupName: "contactinformation",
      ...extra,
    });
  const addTier = () => addProperty("tier", "Tier", { type: "enumeration", fieldType: "select", options: TIER_OPTIONS });

  async function tenantMapping(fields: SignupFields) {
    const { tenant } = await sync.connectedTenant();
    await sync.world.database.db.tenant.update({ where: { id: tenant.id }, data: { signupFields: serializeSignupFields(fields) } });
    return tenant.id;
  }

  async function addAnswered(tenantId: string, rows: [email: string, answers: Answers][]) {
    await sync.world.database.db.signup.createMany({
      data: rows.map(([email, answers]) => ({ tenantId, email, emailNormalized: email, consentGiven: true, ...answers })),
    });
  }

  const outcome = async (email: string) =>
    sync.world.database.db.signup.findFirstOrThrow({ where: { emailNormalized: email }, select: { status: true, lastError: true } });
  const contactOf = async (email: string) => (await simContacts(sync.world.sim.url)).find((contact) => contact.properties.email === email);
  const requests = async () =>
    (await simJson<{ requests: { method: string; path: string }[] }>(sync.world.sim.url, "/_sim/requests")).requests;

  const tier = { property: "tier", propertyLabel: "Tier", label: "Your tier", options: TIER_OPTIONS };

  describe(`mapped form fields through the sync on ${provider}`, () => {
    it("sends every answer to its property, reading the portal's properties once for three batches", async () => {
      await addTier();
      const tenantId = await tenantMapping({
        lastName: { property: "lastname", propertyLabel: "Last Name" },
        company: { property: "company", propertyLabel: "Company Name" },
        freeText: tier,
      });
      const rows: [string, Answers][] = Array.from({ length: 250 }, (_, index) => [
        `reader${index}@example.com`,
        index % 5 === 0 ? {} : { lastName: `Surname ${index}`, company: `Company ${index}`, freeText: index % 2 ? "gold" : "silver" },
      ]);
      await addAnswered(tenantId, rows);
      await sim("/_sim/requests", "DELETE");
      await syncUntilIdle(syncDeps(sync.world.database.store));

      expect(await sync.world.database.db.signup.count({ where: { tenantId, status: "SYNCED" } })).toBe(250);
      expect((await contactOf("reader7@example.com"))?.properties).toMatchObject({
        lastname: "Surname 7",
        company: "Company 7",
        tier: "gold",
      });
      expect((await contactOf("reader8@example.com"))?.properties).toMatchObject({ company: "Company 8", tier: "silver" });
      // Nothing answered, nothing sent: the contact's properties are left as they are.
      expect((await contactOf("reader10@example.com"))?.properties).not.toHaveProperty("company");
      const log = await requests();
      expect(log.filter((request) => request.path === "/crm/properties/2026-03/contacts")).toHaveLength(1);
      expect(log.filter((request) => request.path.endsWith("/batch/upsert"))).toHaveLength(3);
    });

    it("fails only the signups answering a property deleted, made read-only or stripped of the option since, and syncs the rest", async () => {
      await addTier();
      await addProperty("org_name", "Organisation");
      await addProperty("surname", "Surname");
      const tenantId = await tenantMapping({
        lastName: { property: "surname", propertyLabel: "Surname" },
        company: { property: "org_name", propertyLabel: "Organisation" },
        freeText: tier,
      });
      await addAnswered(tenantId, [
        ["org@example.com", { company: "Analytical Engines" }],
        ["surname@example.com", { lastName: "Lovelace" }],
        ["silver@example.com", { freeText: "silver" }],
        ["gold@example.com", { freeText: "gold" }],
        ["plain@example.com", {}],
      ]);
      await subscribeToEvents(sync.world.database.db, { tenantId, eventTypes: ["signup.failed"] });
      // An admin changes the portal after the mapping was saved.
      await sim("/_sim/portals/62515/properties/org_name", "DELETE");
      await sim("/_sim/portals/62515/properties/surname", "PATCH", { readOnlyValue: true });
      await sim("/_sim/portals/62515/properties/tier", "PATCH", { options: [TIER_OPTIONS[0]] });
      await syncUntilIdle(syncDeps(sync.world.database.store));

      expect(await outcome("org@example.com")).toEqual({
        status: "FAILED",
        lastError:
          'Company could not be sent: The portal has no contact property named "org_name". Change the form fields on the signups page, then retry.',
      });
      expect(await outcome("surname@example.com")).toEqual({
        status: "FAILED",
        lastError:
          'Last name could not be sent: "Surname" (surname) is read-only in HubSpot: its value cannot be set. Change the form fields on the signups page, then retry.',
      });
      expect(await outcome("silver@example.com")).toEqual({
        status: "FAILED",
        lastError:
          'Your tier could not be sent: the answer is not one of the options of "Tier" (tier) any more. Change the form fields on the signups page, then retry.',
      });
      expect(await outcome("gold@example.com")).toMatchObject({ status: "SYNCED" });
      expect(await outcome("plain@example.com")).toMatchObject({ status: "SYNCED" });
      expect((await simContacts(sync.world.sim.url)).map((contact) => contact.properties.email).sort()).toEqual([
        "gold@example.com",
        "plain@example.com",
      ]);
      // The refused ones are announced like any failed signup (webhook outbox).
      const failedEvents = await sync.world.database.db.webhookEvent.count({ where: { tenantId, type: "signup.failed" } });
      expect(failedEvents).toBe(3);
    });

    describe.each(["whole-batch", "multi-status"] as const)("when the properties cannot be read (HubSpot answering %s)", (mode) => {
      it("lets HubSpot's validation decide and fails only the signup whose answer it refused", async () => {
        await addTier();
        const tenantId = await tenantMapping({ freeText: tier });
        await addAnswered(
          tenantId,
          Array.from({ length: 8 }, (_, index): [string, Answers] => [
            `tier${index}@example.com`,
            { freeText: index === 5 ? "silver" : "gold" },
          ]),
        );
        await sim("/_sim/portals/62515/properties/tier", "PATCH", { options: [TIER_OPTIONS[0]] });
        await sim("/_sim/config", "PATCH", { upsertFailureMode: mode });
        await sim("/_sim/faults", "POST", { status: 503, count: 20, pathPrefix: "/crm/properties" });
        await syncUntilIdle(syncDeps(sync.world.database.store));

        const refused = await outcome("tier5@example.com");
        expect(refused.status).toBe("FAILED");
        expect(refused.lastError).toBe("VALIDATION_ERROR: silver was not one of the allowed options: [gold]");
        expect(await sync.world.database.db.signup.count({ where: { tenantId, status: "SYNCED" } })).toBe(7);
        expect((await contactOf("tier4@example.com"))?.properties.tier).toBe("gold");
      });
    });
  });
}
