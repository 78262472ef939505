// Every HubSpot outcome of the signup sync, against the real simulator over HTTP and a real database
// (run on each by sync-outcomes-<database>.test.ts: configuration is per process until the composition root).
import { serverEnv } from "@switchboard/lib/env/server";
import { hubspotConfigFromEnv } from "@switchboard/lib/integrations/hubspot/config";
import { createHubspotProvider } from "@switchboard/lib/integrations/hubspot/provider";
import { retryDelayMs } from "@switchboard/lib/signups/sync/backoff";
import { describe, expect, it } from "vitest";
import type { TestProvider } from "@/tests/helpers/databases";
import { addSignups, makeEverythingDue, simContacts, simJson, syncDeps, syncUntilIdle, sharedSyncWorld } from "../support/sync-harness";
import { connectPortal } from "@/tests/helpers/connect-portal";
import { seedTenant } from "@/tests/helpers/seed-tenant";

export function syncOutcomesSuite(provider: TestProvider): void {
  const sync = sharedSyncWorld(provider);

  const countByStatus = async (tenantId: string) =>
    Object.fromEntries(
      (await sync.world.database.db.signup.groupBy({ by: ["status"], where: { tenantId }, _count: { _all: true } })).map((group) => [
        group.status,
        group._count._all,
      ]),
    );

  describe(`signup sync against the simulator on ${provider}`, () => {
    it("syncs pending signups in batches of at most 100 and stores the contact ids", async () => {
      const { tenant, connectionId } = await sync.connectedTenant();
      await addSignups(sync.world.database.db, tenant.id, 250);
      await syncUntilIdle(syncDeps(sync.world.database.store));
      const rows = await sync.world.database.db.signup.findMany({ where: { tenantId: tenant.id } });
      expect(
        rows.filter((row) => !(row.status === "SYNCED" && row.hubspotContactId && row.syncedAt && row.connectionId === connectionId)),
      ).toEqual([]);
      const contacts = await simContacts(sync.world.sim.url);
      expect(contacts).toHaveLength(250);
      const contactIds = new Set(contacts.map((contact) => contact.id));
      expect(rows.filter((row) => !contactIds.has(row.hubspotContactId ?? ""))).toEqual([]);
      const { requests } = await simJson<{ requests: { path: string }[] }>(sync.world.sim.url, "/_sim/requests");
      expect(requests.filter((request) => request.path.endsWith("/batch/upsert"))).toHaveLength(3);
    });

    it("backs off on 429, stays within the limit afterwards, and never duplicates", async () => {
      const { tenant } = await sync.connectedTenant();
      await simJson(sync.world.sim.url, "/_sim/config", {
        method: "PATCH",
        body: JSON.stringify({ rateLimit: { max: 2, intervalMs: 10_000 } }),
      });
      await addSignups(sync.world.database.db, tenant.id, 400);
      const deps = syncDeps(sync.world.database.store);
      await syncUntilIdle(deps);
      const { requests } = await simJson<{ requests: { status: number | null }[] }>(sync.world.sim.url, "/_sim/requests");
      expect(requests.some((request) => request.status === 429)).toBe(true);
      const waiting = await sync.world.database.db.signup.findMany({ where: { tenantId: tenant.id, status: "PENDING" } });
      expect(waiting.length).toBeGreaterThan(0);
      // Every waiting row waits for a later moment: those the 429 answered say so; those held back
      // while the portal was paused were never sent and carry no error.
      const now = new Date();
      expect(
        waiting.filter((row) => !(row.nextAttemptAt > now && (row.lastError === null || row.lastError.includes("rate limit")))),
      ).toEqual([]);
      expect(waiting.some((row) => row.lastError?.includes("rate limit"))).toBe(true);
      expect(deps.limiter.local.budgetOf("62515")).toBeLessThan(105);
      await simJson(sync.world.sim.url, "/_sim/config", {
        method: "PATCH",
        body: JSON.stringify({ rateLimit: { max: 110, intervalMs: 10_000 } }),
      });
      await makeEverythingDue(sync.world.database.db);
      // Same worker (same limiter), now willing to wait out the pause HubSpot's 429 imposed.
      await syncUntilIdle({ ...deps, settings: { ...deps.settings, maxRateWaitMs: 15_000 } });
      expect(await countByStatus(tenant.id)).toEqual({ SYNCED: 400 });
      expect(await simContacts(sync.world.sim.url)).toHaveLength(400);
    });

    it("retries 5xx with growing, jittered backoff and counts the attempts", async () => {
      const { tenant } = await sync.connectedTenant();
      await addSignups(sync.world.database.db, tenant.id, 5);
      await simJson(sync.world.sim.url, "/_sim/faults", {
        method: "POST",
        body: JSON.stringify({ status: 503, count: 2, pathPrefix: "/crm/" }),
      });
      const deps = syncDeps(sync.world.database.store);
      // Each failure waits between half and all of its step (backoff.ts), counted from the moment
      // the pass recorded it — somewhere between the clock readings taken around the pass.
      const failedPass = async (attempts: number) => {
        const before = Date.now();
        await syncUntilIdle(deps);
        const after = Date.now();
        const rows = await sync.world.database.db.signup.findMany({ where: { tenantId: tenant.id } });
        expect(rows.filter((row) => !(row.status === "PENDING" && row.attempts === attempts && row.lastError))).toEqual([]);
        const earliest = before + retryDelayMs(attempts, () => 0);
        const latest = after + retryDelayMs(attempts, () => 1);
        const retryAt = rows.map((row) => row.nextAttemptAt.getTime());
        expect(retryAt.filter((at) => at < earliest || at > latest)).toEqual([]);
        // One batch failed at one moment: different retry times can only come from the jitter.
        expect(new Set(retryAt).size).toBeGreaterThan(1);
      };
      await failedPass(1); // 1–2 s
      await makeEverythingDue(sync.world.database.db);
      await failedPass(2); // 2–4 s: the step doubled
      await makeEverythingDue(sync.world.database.db);
      await syncUntilIdle(deps);
      expect(await countByStatus(tenant.id)).toEqual({ SYNCED: 5 });
      expect(await simContacts(sync.world.sim.url)).toHaveLength(5);
    });

    it("treats a request that never answers as a timeout and retries it later", async () => {
      const { tenant } = await sync.connectedTenant();
      await addSignups(sync.world.database.db, tenant.id, 3);
      await simJson(sync.world.sim.url, "/_sim/faults", {
        method: "POST",
        body: JSON.stringify({ mode: "hang", count: 1, pathPrefix: "/crm/" }),
      });
      const deps = syncDeps(sync.world.database.store);
      await syncUntilIdle(syncDeps(sync.world.database.store, "test-worker", { requestTimeoutMs: 500 }));
      const rows = await sync.world.database.db.signup.findMany({ where: { tenantId: tenant.id } });
      expect(rows.filter((row) => !(row.status === "PENDING" && row.attempts === 1 && row.lastError?.includes("did not answer")))).toEqual(
        [],
      );
      await simJson(sync.world.sim.url, "/_sim/faults", { method: "DELETE" });
      await makeEverythingDue(sync.world.database.db);
      await syncUntilIdle(deps);
      expect(await countByStatus(tenant.id)).toEqual({ SYNCED: 3 });
      expect(await simContacts(sync.world.sim.url)).toHaveLength(3);
    });

    it("marks an address HubSpot calls invalid as FAILED with the reason, and does not retry it", async () => {
      const { tenant } = await sync.connectedTenant();
      await addSignups(sync.world.database.db, tenant.id, 3);
      // Passes our zod check, but HubSpot (and the simulator) refuse a domain label ending in "-".
      await sync.world.database.db.signup.create({
        data: { tenantId: tenant.id, email: "odd@example-.com", emailNormalized: "odd@example-.com", consentGiven: true },
      });
      const deps = syncDeps(sync.world.database.store);
      await syncUntilIdle(deps);
      const failed = await sync.world.database.db.signup.findFirstOrThrow({ where: { emailNormalized: "odd@example-.com" } });
      expect(failed.status).toBe("FAILED");
      expect(failed.lastError).toContain("Email address odd@example-.com is invalid");
      expect(failed.lastError).toMatch(/VALIDATION_ERROR/);
      expect(await countByStatus(tenant.id)).toEqual({ SYNCED: 3, FAILED: 1 });
      await simJson(sync.world.sim.url, "/_sim/requests", { method: "DELETE" });
      await makeEverythingDue(sync.world.database.db);
      await syncUntilIdle(deps);
      const { requests } = await simJson<{ requests: unknown[] }>(sync.world.sim.url, "/_sim/requests");
      expect(requests).toHaveLength(0);
    });

    it("keeps signups pending, not failed, when HubSpot answers an unexpected 4xx (e.g. a wrong API base URL)", async () => {
      const { tenant } = await sync.connectedTenant();
      await addSignups(sync.world.database.db, tenant.id, 3);
      // A misconfigured HUBSPOT_API_BASE_URL: every call lands on a path HubSpot does not have (404).
      const misconfigured = {
        ...syncDeps(sync.world.database.store),
        crm: createHubspotProvider({ ...hubspotConfigFromEnv(serverEnv()), apiBaseUrl: `${sync.world.sim.url}/not-hubspot` }),
      };
      await syncUntilIdle(misconfigured);
      expect(await countByStatus(tenant.id)).toEqual({ PENDING: 3 });
      const waiting = await sync.world.database.db.signup.findFirstOrThrow({ where: { tenantId: tenant.id } });
      expect(waiting.lastError).toMatch(/OBJECT_NOT_FOUND|404/);
      await makeEverythingDue(sync.world.database.db);
      await syncUntilIdle(syncDeps(sync.world.database.store));
      expect(await countByStatus(tenant.id)).toEqual({ SYNCED: 3 });
    });

    it("parks signups of a tenant without HubSpot as WAITING and drains them once connected", async () => {
      const {
        tenant,
        people: [owner],
      } = await seedTenant(sync.world.database.db);
      await addSignups(sync.world.database.db, tenant.id, 20);
      const deps = syncDeps(sync.world.database.store);
      await syncUntilIdle(deps);
      expect(await countByStatus(tenant.id)).toEqual({ WAITING: 20 });
      await connectPortal({ db: sync.world.database.db, tenant }, { actor: owner.actor });
      await syncUntilIdle(deps);
      expect(await countByStatus(tenant.id)).toEqual({ SYNCED: 20 });
    });

    it("waits while the grant is revoked (Needs reconnect) and drains after reconnecting", async () => {
      const { tenant, owner, connectionId } = await sync.connectedTenant();
      await simJson(sync.world.sim.url, "/_sim/portals/62515/revoke-all", { method: "POST" });
      await addSignups(sync.world.database.db, tenant.id, 10);
      const deps = syncDeps(sync.world.database.store);
      // The revoked access token answers 401; the forced refresh then meets invalid_grant.
      await syncUntilIdle(deps);
      await makeEverythingDue(sync.world.database.db);
      await syncUntilIdle(deps);
      expect((await sync.world.database.db.connection.findUniqueOrThrow({ where: { id: connectionId } })).status).toBe("NEEDS_RECONNECT");
      expect(await countByStatus(tenant.id)).toEqual({ WAITING: 10 });
      expect(await simContacts(sync.world.sim.url)).toHaveLength(0);
      await connectPortal({ db: sync.world.database.db, tenant }, { actor: owner.actor, connectionId });
      await makeEverythingDue(sync.world.database.db);
      await syncUntilIdle(deps);
      expect(await countByStatus(tenant.id)).toEqual({ SYNCED: 10 });
      expect(await simContacts(sync.world.sim.url)).toHaveLength(10);
    });
  });
}
