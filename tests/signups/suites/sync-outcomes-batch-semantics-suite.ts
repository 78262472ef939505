// HubSpot's documented batch-upsert-by-email semantics through the whole sync, against the
// simulator over HTTP and a real database (sync-outcomes-batch-semantics-<database>.test.ts): one bad address fails a whole batch (400, or 409 for another
// contact's additional email), the sync isolates exactly the offending signups, and nothing stays
// Pending — every outcome is terminal or bounded.
import { describe, expect, it } from "vitest";
import type { TestProvider } from "@/tests/helpers/databases";
import { serverEnv } from "@switchboard/lib/env/server";
import { getValidAccessToken } from "@switchboard/lib/integrations/tokens/access-token";
import { hubspotConfigFromEnv } from "@switchboard/lib/integrations/hubspot/config";
import { createHubspotProvider } from "@switchboard/lib/integrations/hubspot/provider";
import { addSignups, makeEverythingDue, simContacts, simJson, syncDeps, syncUntilIdle, sharedSyncWorld } from "../support/sync-harness";

export function syncBatchSemanticsSuite(provider: TestProvider): void {
  const sync = sharedSyncWorld(provider);

  const countByStatus = async (tenantId: string) =>
    Object.fromEntries(
      (await sync.world.database.db.signup.groupBy({ by: ["status"], where: { tenantId }, _count: { _all: true } })).map((group) => [
        group.status,
        group._count._all,
      ]),
    );

  /** A contact in HubSpot that owns `alias` as an additional email. */
  async function contactOwningAlias(connectionId: string, owner: string, alias: string): Promise<string> {
    const token = await getValidAccessToken(sync.world.database.db, connectionId);
    const created = await fetch(`${sync.world.sim.url}/crm/objects/2026-03/contacts`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ properties: { email: owner } }),
    });
    const { id } = (await created.json()) as { id: string };
    await simJson(sync.world.sim.url, `/_sim/portals/62515/contacts/${id}/additional-emails`, {
      method: "POST",
      body: JSON.stringify({ email: alias }),
    });
    return id;
  }

  async function addOddOnes(tenantId: string) {
    // Both pass our own zod check; HubSpot refuses a domain label ending in "-", and the alias is
    // another contact's additional email.
    await sync.world.database.db.signup.createMany({
      data: [
        { tenantId, email: "odd@example-.com", emailNormalized: "odd@example-.com", consentGiven: true },
        { tenantId, email: "alias@example.com", emailNormalized: "alias@example.com", consentGiven: true },
      ],
    });
  }

  describe.each(["whole-batch", "multi-status"] as const)(
    `one invalid and one conflicting address among 300 (%s answers) on ${provider}`,
    (mode) => {
      it("fails exactly those two with HubSpot's reasons and syncs the other 298 once", async () => {
        const { tenant, connectionId } = await sync.connectedTenant();
        await simJson(sync.world.sim.url, "/_sim/config", { method: "PATCH", body: JSON.stringify({ upsertFailureMode: mode }) });
        const ownerId = await contactOwningAlias(connectionId, "owner@example.com", "alias@example.com");
        await addSignups(sync.world.database.db, tenant.id, 149, "early");
        await addOddOnes(tenant.id);
        await addSignups(sync.world.database.db, tenant.id, 149, "late");
        await syncUntilIdle(syncDeps(sync.world.database.store));

        expect(await countByStatus(tenant.id)).toEqual({ SYNCED: 298, FAILED: 2 });
        const invalid = await sync.world.database.db.signup.findFirstOrThrow({ where: { emailNormalized: "odd@example-.com" } });
        expect(invalid.lastError).toMatch(/VALIDATION_ERROR: Email address odd@example-.com is invalid/);
        const conflicting = await sync.world.database.db.signup.findFirstOrThrow({ where: { emailNormalized: "alias@example.com" } });
        expect(conflicting.lastError).toMatch(/OBJECT_ALREADY_EXISTS/);
        expect(conflicting.lastError).toContain(`Existing ID: ${ownerId}`);
        const synced = await sync.world.database.db.signup.findMany({ where: { tenantId: tenant.id, status: "SYNCED" } });
        expect(synced.filter((row) => !(row.attempts === 1 && row.hubspotContactId))).toEqual([]);
        // 298 new contacts plus the owner: nobody twice, the alias never became a contact of its own.
        const contacts = await simContacts(sync.world.sim.url);
        expect(contacts).toHaveLength(299);
        expect(new Set(synced.map((row) => row.hubspotContactId)).size).toBe(298);

        // Terminal: another pass sends nothing for them.
        await simJson(sync.world.sim.url, "/_sim/requests", { method: "DELETE" });
        await makeEverythingDue(sync.world.database.db);
        await syncUntilIdle(syncDeps(sync.world.database.store));
        expect((await simJson<{ requests: unknown[] }>(sync.world.sim.url, "/_sim/requests")).requests).toHaveLength(0);
      });
    },
  );

  describe(`what HubSpot answers, and what becomes of each signup, on ${provider}`, () => {
    it("matches results by trace id, so mixed-case addresses are Synced (HubSpot lowercases them)", async () => {
      const { tenant } = await sync.connectedTenant();
      await sync.world.database.db.signup.createMany({
        data: ["Ada.Lovelace@Example.COM", "GRACE@example.com"].map((email) => ({
          tenantId: tenant.id,
          email,
          emailNormalized: email.toLowerCase(),
          consentGiven: true,
        })),
      });
      await syncUntilIdle(syncDeps(sync.world.database.store));
      expect(await countByStatus(tenant.id)).toEqual({ SYNCED: 2 });
      expect((await simContacts(sync.world.sim.url)).map((contact) => contact.properties.email).sort()).toEqual([
        "ada.lovelace@example.com",
        "grace@example.com",
      ]);
    });

    it("treats 423 Locked as transient and waits at least 2 s before trying again", async () => {
      const { tenant } = await sync.connectedTenant();
      await addSignups(sync.world.database.db, tenant.id, 4);
      await simJson(sync.world.sim.url, "/_sim/faults", {
        method: "POST",
        body: JSON.stringify({ status: 423, count: 1, pathPrefix: "/crm/" }),
      });
      const before = Date.now();
      await syncUntilIdle(syncDeps(sync.world.database.store));
      const rows = await sync.world.database.db.signup.findMany({ where: { tenantId: tenant.id } });
      expect(rows.filter((row) => !(row.status === "PENDING" && row.attempts === 1 && row.lastError?.includes("HTTP 423")))).toEqual([]);
      expect(Math.min(...rows.map((row) => row.nextAttemptAt.getTime() - before))).toBeGreaterThanOrEqual(2_000);
      await makeEverythingDue(sync.world.database.db);
      await syncUntilIdle(syncDeps(sync.world.database.store));
      expect(await countByStatus(tenant.id)).toEqual({ SYNCED: 4 });
    });

    it("gives up on a signup that keeps failing transiently, with the attempts and the last reason, and the dashboard can retry it", async () => {
      const { tenant } = await sync.connectedTenant();
      await addSignups(sync.world.database.db, tenant.id, 2);
      const deps = syncDeps(sync.world.database.store);
      // Stands in for three days of failures: one attempt short of the limit.
      await sync.world.database.db.signup.updateMany({
        where: { tenantId: tenant.id },
        data: { attempts: deps.settings.giveUpAfterAttempts - 1 },
      });
      await simJson(sync.world.sim.url, "/_sim/faults", {
        method: "POST",
        body: JSON.stringify({ status: 503, count: 1, pathPrefix: "/crm/" }),
      });
      await syncUntilIdle(deps);
      const rows = await sync.world.database.db.signup.findMany({ where: { tenantId: tenant.id } });
      expect(rows.map((row) => row.status)).toEqual(["FAILED", "FAILED"]);
      expect(rows[0]?.lastError).toBe(
        `gave up after ${deps.settings.giveUpAfterAttempts} attempts: HubSpot is unavailable for the contacts batch upsert (HTTP 503, INTERNAL_ERROR)`,
      );
      const { retryAllFailedSignups } = await import("@switchboard/lib/signups/dashboard/manage-signups");
      expect(await retryAllFailedSignups(sync.world.database.db, tenant.id, { userId: null, label: "test" })).toBe(2);
      await syncUntilIdle(deps);
      expect(await countByStatus(tenant.id)).toEqual({ SYNCED: 2 });
    });

    it("gives up within the limit on an endpoint that answers an unexpected 4xx (e.g. a wrong base URL)", async () => {
      const { tenant } = await sync.connectedTenant();
      await addSignups(sync.world.database.db, tenant.id, 3);
      const deps = syncDeps(sync.world.database.store);
      // A misconfigured HUBSPOT_API_BASE_URL: every call lands on a path HubSpot does not have (404).
      const misconfigured = {
        ...deps,
        crm: createHubspotProvider({ ...hubspotConfigFromEnv(serverEnv()), apiBaseUrl: `${sync.world.sim.url}/not-hubspot` }),
        settings: { ...deps.settings, giveUpAfterAttempts: 2 },
      };
      await syncUntilIdle(misconfigured);
      expect(await countByStatus(tenant.id)).toEqual({ PENDING: 3 });
      await makeEverythingDue(sync.world.database.db);
      await syncUntilIdle(misconfigured);
      expect(await countByStatus(tenant.id)).toEqual({ FAILED: 3 });
      const failed = await sync.world.database.db.signup.findFirstOrThrow({ where: { tenantId: tenant.id } });
      expect(failed.lastError).toMatch(/^gave up after 2 attempts: HubSpot answered the contacts batch upsert with HTTP 404/);
    });
  });
}
