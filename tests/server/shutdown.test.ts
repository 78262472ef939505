// Stopping the production server while the in-process sync has a batch in flight: the batch's
// outcome is written before we go, so no signup is left claimed (to be re-sent after its lease).
import { createServer } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shutDown } from "@/server/shutdown";
import { connectPortal } from "@/tests/helpers/connect-portal";
import { seedTenant } from "@/tests/helpers/seed-tenant";
import { addSignups, simJson } from "../signups/support/sync-harness";
import { waitFor } from "../signups/support/worker-process";
import { startSimulatorWorld, type SimulatorWorld } from "@/tests/helpers/simulator-world";

let world: SimulatorWorld;

beforeAll(async () => {
  world = await startSimulatorWorld("sqlite", { SYNC_IN_PROCESS: "true", SYNC_IDLE_POLL_MS: "50" });
});

afterAll(async () => {
  await world?.runtime.workers.stop();
  await world?.close();
});

describe("shutting the production server down", () => {
  it("lets the in-process sync record the batch in flight, then reports a clean stop", async () => {
    const {
      tenant,
      people: [owner],
    } = await seedTenant(world.database.db);
    await connectPortal({ db: world.database.db, tenant }, { actor: owner.actor });
    await addSignups(world.database.db, tenant.id, 30);
    // Slow answers keep the batch in flight while we stop.
    await simJson(world.sim.url, "/_sim/config", { method: "PATCH", body: JSON.stringify({ latencyMs: 1_000 }) });
    const server = createServer((_request, response) => response.end());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    world.runtime.workers.start();
    await waitFor(
      async () => (await world.database.db.signup.count({ where: { claimedBy: { not: null } } })) > 0,
      "a batch to be claimed",
      20_000,
    );

    let nextClosed = false;
    const clean = await shutDown({
      server,
      stopSync: () => world.runtime.workers.stop(),
      closeNext: async () => void (nextClosed = true),
      graceMs: 10_000,
    });

    expect(clean).toBe(true);
    expect(nextClosed).toBe(true);
    expect(server.listening).toBe(false);
    expect(await world.database.db.signup.count({ where: { claimedBy: { not: null } } })).toBe(0);
    expect(await world.database.db.signup.count({ where: { tenantId: tenant.id, status: "SYNCED" } })).toBe(30);
  });

  it("gives up waiting after the grace period", async () => {
    const server = createServer((_request, response) => response.end());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    const never = new Promise<void>(() => undefined);
    expect(await shutDown({ server, stopSync: () => never, closeNext: async () => undefined, graceMs: 100 })).toBe(false);
  });
});
