// kill -9 of a worker process in the middle of a batch: after a restart every signup is synced
// exactly once in our database and HubSpot holds exactly one contact per signup.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectPortal } from "@/tests/helpers/connect-portal";
import { startCountingProxy, type CountingProxy } from "./support/counting-proxy";
import { seedTenant } from "@/tests/helpers/seed-tenant";
import { addSignups, simContacts, simJson } from "./support/sync-harness";
import { spawnWorker, stopWorker, waitFor } from "./support/worker-process";
import { startSimulatorWorld, type SimulatorWorld } from "@/tests/helpers/simulator-world";

let world: SimulatorWorld;
const SIGNUPS = 600;
let proxy: CountingProxy;

beforeAll(async () => {
  world = await startSimulatorWorld("sqlite");
  proxy = await startCountingProxy(world.sim.url);
});

afterAll(async () => {
  await proxy?.close();
  await world?.close();
});

describe("worker crash and restart", () => {
  it("loses nothing and duplicates nothing when killed mid-batch", async () => {
    const {
      tenant,
      people: [owner],
    } = await seedTenant(world.database.db);
    await connectPortal({ db: world.database.db, tenant }, { actor: owner.actor });
    await addSignups(world.database.db, tenant.id, SIGNUPS);
    // Slow answers keep a batch in flight long enough to kill the worker inside it.
    await simJson(world.sim.url, "/_sim/config", { method: "PATCH", body: JSON.stringify({ latencyMs: 1_500 }) });
    const workerEnv = { HUBSPOT_API_BASE_URL: proxy.url, SYNC_LEASE_SECONDS: "3", SYNC_IDLE_POLL_MS: "100" };

    const doomed = spawnWorker(workerEnv);
    // Kill while HubSpot holds a batch unanswered: the simulator logs a request on arrival, with no
    // status until it answers. (The proxy only counts answered batches — too late to be sure.)
    const batchInFlight = async () => {
      const { requests } = await simJson<{ requests: { path: string; status: number | null }[] }>(world.sim.url, "/_sim/requests");
      return requests.some((request) => request.path.endsWith("/batch/upsert") && request.status === null);
    };
    await waitFor(batchInFlight, "a batch to be in flight at HubSpot");
    await stopWorker(doomed, "SIGKILL");
    const syncedAtCrash = await world.database.db.signup.count({ where: { status: "SYNCED" } });
    expect(syncedAtCrash).toBeLessThan(SIGNUPS);

    await simJson(world.sim.url, "/_sim/config", { method: "PATCH", body: JSON.stringify({ latencyMs: 0 }) });
    const survivor = spawnWorker(workerEnv);
    try {
      await waitFor(async () => (await world.database.db.signup.count({ where: { status: "SYNCED" } })) === SIGNUPS, "all signups to sync");
    } finally {
      await stopWorker(survivor);
    }

    const rows = await world.database.db.signup.findMany({ where: { tenantId: tenant.id } });
    expect(rows).toHaveLength(SIGNUPS);
    expect(new Set(rows.map((row) => row.hubspotContactId)).size).toBe(SIGNUPS);
    const contacts = await simContacts(world.sim.url);
    expect(contacts).toHaveLength(SIGNUPS);
    expect(new Set(contacts.map((contact) => contact.properties.email)).size).toBe(SIGNUPS);
    // The batch in flight at the kill was sent again after its lease expired — harmlessly.
    expect([...proxy.sendsPerEmail.values()].some((sends) => sends > 1)).toBe(true);
  });
});
