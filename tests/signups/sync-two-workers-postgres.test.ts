// Two worker processes against one PostgreSQL database: claims (FOR UPDATE SKIP LOCKED leases)
// split the backlog, no signup is ever sent to HubSpot twice, and together they stay within the
// portal's rate limit (the shared per-portal budget).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectPortal } from "@/tests/helpers/connect-portal";
import { startCountingProxy, type CountingProxy } from "./support/counting-proxy";
import { seedTenant } from "@/tests/helpers/seed-tenant";
import { addSignups, simContacts, simJson } from "./support/sync-harness";
import { spawnWorker, stopWorker, waitFor } from "./support/worker-process";
import { startSimulatorWorld, type SimulatorWorld } from "@/tests/helpers/simulator-world";

let world: SimulatorWorld;
const SIGNUPS = 2_000;
let proxy: CountingProxy;

beforeAll(async () => {
  world = await startSimulatorWorld("postgresql");
  proxy = await startCountingProxy(world.sim.url);
});

afterAll(async () => {
  await proxy?.close();
  await world?.close();
});

describe("two workers on one PostgreSQL database", () => {
  it("sync every signup exactly once between them", async () => {
    const {
      tenant,
      people: [owner],
    } = await seedTenant(world.database.db);
    await connectPortal({ db: world.database.db, tenant }, { actor: owner.actor });
    await addSignups(world.database.db, tenant.id, SIGNUPS);
    // Some latency so both workers are claiming while the other has batches in flight.
    await simJson(world.sim.url, "/_sim/config", { method: "PATCH", body: JSON.stringify({ latencyMs: 100 }) });
    const env = { HUBSPOT_API_BASE_URL: proxy.url, SYNC_IDLE_POLL_MS: "50", SYNC_BATCH_SIZE: "50" };
    const workers = [spawnWorker(env), spawnWorker(env)];
    try {
      await waitFor(async () => (await world.database.db.signup.count({ where: { status: "SYNCED" } })) === SIGNUPS, "all signups to sync");
    } finally {
      await Promise.all(workers.map((worker) => stopWorker(worker)));
    }
    expect(proxy.sendsPerEmail.size).toBe(SIGNUPS);
    expect([...proxy.sendsPerEmail].filter(([, sends]) => sends !== 1)).toEqual([]);
    expect(await simContacts(world.sim.url)).toHaveLength(SIGNUPS);
    const rows = await world.database.db.signup.findMany({ where: { tenantId: tenant.id }, select: { hubspotContactId: true } });
    expect(new Set(rows.map((row) => row.hubspotContactId)).size).toBe(SIGNUPS);
  });

  it("share one per-portal budget, so together they never trip HubSpot's rate limit", async () => {
    await simJson(world.sim.url, "/_sim/reset", { method: "POST" });
    const {
      tenant,
      people: [owner],
    } = await seedTenant(world.database.db);
    await connectPortal({ db: world.database.db, tenant }, { actor: owner.actor });
    await addSignups(world.database.db, tenant.id, 300, "paced");
    // HubSpot allows 8 calls per 10 s here; each worker allows itself 6. Alone, each would fit;
    // together (12) they would not — unless the 6 are one budget for both.
    await simJson(world.sim.url, "/_sim/config", { method: "PATCH", body: JSON.stringify({ rateLimit: { max: 8, intervalMs: 10_000 } }) });
    const env = { HUBSPOT_API_BASE_URL: world.sim.url, SYNC_IDLE_POLL_MS: "50", SYNC_BATCH_SIZE: "5", SYNC_PORTAL_REQUESTS_PER_10S: "6" };
    const workers = [spawnWorker(env), spawnWorker(env)];
    try {
      // A full window and the start of the next.
      await new Promise((resolve) => setTimeout(resolve, 12_000));
    } finally {
      await Promise.all(workers.map((worker) => stopWorker(worker)));
    }
    const { requests } = await simJson<{ requests: { path: string; status: number | null; time: string }[] }>(
      world.sim.url,
      "/_sim/requests",
    );
    const upserts = requests.filter((request) => request.path.endsWith("/batch/upsert"));
    expect(upserts.filter((request) => request.status === 429)).toEqual([]);
    expect(upserts.length).toBeGreaterThanOrEqual(6);
    const times = upserts.map((request) => Date.parse(request.time)).sort((a, b) => a - b);
    for (let index = 0; index + 6 < times.length; index++)
      expect((times[index + 6] ?? 0) - (times[index] ?? 0)).toBeGreaterThanOrEqual(9_900);
    expect(await world.database.db.signup.count({ where: { tenantId: tenant.id, status: "SYNCED" } })).toBe(
      upserts.filter((request) => request.status === 200).length * 5,
    );
  });
});
