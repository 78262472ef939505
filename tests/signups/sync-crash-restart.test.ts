// kill -9 of a worker process in the middle of a batch: after a restart every signup is synced
// exactly once in our database and HubSpot holds exactly one contact per signup.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator } from "@/simulator/src/server";
import { connectPortal } from "@/tests/helpers/connect-portal";
import { startCountingProxy, type CountingProxy } from "./support/counting-proxy";
import { createTenantWithAdmin } from "./support/fixtures";
import { configureAppForSimulator } from "@/tests/helpers/simulator-env";
import { addSignups, simContacts, simJson } from "./support/sync-harness";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/databases";
import { spawnWorker, stopWorker, waitFor } from "./support/worker-process";

type Simulator = Awaited<ReturnType<typeof startSimulator>>;
let sim: Simulator;
let proxy: CountingProxy;
let database: TestDatabase;
const SIGNUPS = 600;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  proxy = await startCountingProxy(sim.url);
  database = await createTestDatabase("sqlite");
  configureAppForSimulator(sim.url, database.url);
});

afterAll(async () => {
  await database?.drop();
  await proxy?.close();
  await sim?.close();
});

describe("worker crash and restart", () => {
  it("loses nothing and duplicates nothing when killed mid-batch", async () => {
    const { tenant, user } = await createTenantWithAdmin(database.db);
    await connectPortal(database.db, { userId: user.id, tenant });
    await addSignups(database.db, tenant.id, SIGNUPS);
    // Slow answers keep a batch in flight long enough to kill the worker inside it.
    await simJson(sim.url, "/_sim/config", { method: "PATCH", body: JSON.stringify({ latencyMs: 1_500 }) });
    const workerEnv = { HUBSPOT_API_BASE_URL: proxy.url, SYNC_LEASE_SECONDS: "3", SYNC_IDLE_POLL_MS: "100" };

    const doomed = spawnWorker(workerEnv);
    await waitFor(async () => proxy.sendsPerEmail.size > 0, "the first batch to leave");
    await stopWorker(doomed, "SIGKILL");
    const syncedAtCrash = await database.db.signup.count({ where: { status: "SYNCED" } });
    expect(syncedAtCrash).toBeLessThan(SIGNUPS);

    await simJson(sim.url, "/_sim/config", { method: "PATCH", body: JSON.stringify({ latencyMs: 0 }) });
    const survivor = spawnWorker(workerEnv);
    try {
      await waitFor(async () => (await database.db.signup.count({ where: { status: "SYNCED" } })) === SIGNUPS, "all signups to sync");
    } finally {
      await stopWorker(survivor);
    }

    const rows = await database.db.signup.findMany({ where: { tenantId: tenant.id } });
    expect(rows).toHaveLength(SIGNUPS);
    expect(new Set(rows.map((row) => row.hubspotContactId)).size).toBe(SIGNUPS);
    const contacts = await simContacts(sim.url);
    expect(contacts).toHaveLength(SIGNUPS);
    expect(new Set(contacts.map((contact) => contact.properties.email)).size).toBe(SIGNUPS);
    // The batch in flight at the kill was sent again after its lease expired — harmlessly.
    expect([...proxy.sendsPerEmail.values()].some((sends) => sends > 1)).toBe(true);
  });
});
