// What an operator sees of a HubSpot storm: one redacted warn line per failed call (portal,
// status, category, attempt — never a token or an email), Prometheus counters at /metrics
// behind METRICS_TOKEN, and the connection card's 24 h health figures.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as getMetrics } from "@/app/metrics/route";
import { loadSyncHealth } from "@switchboard/lib/integrations/view/sync-health";
import { connectPortal } from "@/tests/helpers/connect-portal";
import { startSimulatorWorld, type SimulatorWorld } from "@/tests/helpers/simulator-world";
import { seedTenant } from "@/tests/helpers/seed-tenant";
import { addSignups, simJson, syncDeps, syncUntilIdle } from "./support/sync-harness";

const METRICS_TOKEN = "test-metrics-token-0123456789";
let world: SimulatorWorld;

beforeAll(async () => {
  world = await startSimulatorWorld("sqlite", { METRICS_TOKEN, LOG_LEVEL: "warn" });
});
afterAll(async () => world?.close());
beforeEach(async () => {
  await simJson(world.sim.url, "/_sim/reset", { method: "POST" });
  await world.database.reset();
});

async function capturingStderr<T>(work: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
  const lines: string[] = [];
  const original = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split("\n").filter(Boolean));
    return true;
  }) as typeof process.stderr.write;
  try {
    return { result: await work(), lines };
  } finally {
    process.stderr.write = original;
  }
}

describe("sync observability", () => {
  it("logs every failed HubSpot call as a redacted warning and counts it", async () => {
    const {
      tenant,
      people: [owner],
    } = await seedTenant(world.database.db);
    const { connectionId } = await connectPortal({ db: world.database.db, tenant }, { actor: owner.actor });
    await addSignups(world.database.db, tenant.id, 5, "storm");
    await simJson(world.sim.url, "/_sim/faults", { method: "POST", body: JSON.stringify({ status: 503, count: 1, pathPrefix: "/crm/" }) });
    const token = (await world.database.db.connection.findUniqueOrThrow({ where: { id: connectionId } })).accessTokenCiphertext!;
    const { lines } = await capturingStderr(() => syncUntilIdle(syncDeps(world.database.store)));
    const warnings = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.level === "warn");
    expect(warnings).toContainEqual(
      expect.objectContaining({
        message: "HubSpot sync call failed",
        portalId: "62515",
        status: "503",
        category: "INTERNAL_ERROR",
        attempt: 1,
        contacts: 5,
      }),
    );
    const text = lines.join("\n");
    expect(text).not.toContain("storm0@example.com");
    expect(text).not.toContain(token);

    const health = await loadSyncHealth(world.database.db, [connectionId]);
    expect(health.get(connectionId)).toEqual({ synced: 0, failed: 5, rateLimited: 0 });

    const response = await getMetrics(new Request("http://localhost/metrics", { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }));
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toMatch(/switchboard_sync_hubspot_calls_total\{status="503"\} [1-9]/);
    expect(body).toMatch(/switchboard_signups\{status="PENDING"\} 5/);
    expect(body).toMatch(/^switchboard_webhook_deliveries_due 0$/m);
  });

  it("keeps /metrics closed without the bearer token", async () => {
    expect((await getMetrics(new Request("http://localhost/metrics"))).status).toBe(401);
    const wrong = await getMetrics(new Request("http://localhost/metrics", { headers: { authorization: "Bearer nope" } }));
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain("switchboard_");
  });
});
