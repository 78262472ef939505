// Runs the real sync engine pass by pass against a test database and the simulator, so tests
// can observe each step without sleeping on timers.
import type { Db } from "@switchboard/lib/db/create-client";
import type { Store } from "@switchboard/lib/db/store";
import { getFreshAccessToken } from "@switchboard/lib/integrations/tokens/access-token";
import { serverEnv } from "@switchboard/lib/env/server";
import { createProviderRegistry } from "@switchboard/lib/integrations/registry";
import { attemptsSpanning } from "@switchboard/lib/signups/sync/backoff";
import type { SyncDeps } from "@switchboard/lib/signups/sync/sync-deps";
import { runSyncPass } from "@switchboard/lib/signups/sync/sync-pass";
import { hubspotRatePolicy } from "@switchboard/lib/integrations/hubspot/rate-policy";
import { portalPacer } from "@switchboard/lib/integrations/pacing/portal-pacer";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { connectPortal } from "@/tests/helpers/connect-portal";
import { startSimulatorWorld, type SimulatorWorld } from "@/tests/helpers/simulator-world";
import { seedTenant, type SeededPerson } from "@/tests/helpers/seed-tenant";
import type { TestProvider } from "@/tests/helpers/databases";

export function syncDeps(store: Store, workerId = "test-worker", options: { requestTimeoutMs?: number } = {}): SyncDeps {
  return {
    store,
    db: store.db,
    workerId,
    limiter: portalPacer(store, hubspotRatePolicy),
    settings: {
      batchSize: 100,
      leaseMs: 30_000,
      batchesPerPass: 4,
      maxBatchesPerPass: 64,
      maxRateWaitMs: 1_000,
      giveUpAfterAttempts: attemptsSpanning(72 * 3_600_000),
    },
    accessToken: async (database, connectionId, preloaded) =>
      (await getFreshAccessToken(database, connectionId, undefined, preloaded)).token,
    crm: createProviderRegistry({ ...serverEnv(), SYNC_REQUEST_TIMEOUT_MS: options.requestTimeoutMs ?? 5_000 }).contactSync(),
  };
}

/** Passes until one claims nothing (everything due is done or waiting for later). A pass that left
 * a portal at its rate limit for later is followed by another a moment later, as the worker's idle
 * poll would, for up to RATE_WAIT_LIMIT_MS in all; only passes that claimed count towards `maxPasses`. */
export async function syncUntilIdle(deps: SyncDeps, maxPasses = 50): Promise<number> {
  let passes = 0;
  const giveUpAt = Date.now() + RATE_WAIT_LIMIT_MS;
  while (passes < maxPasses) {
    const { claimed, deferred } = await runSyncPass(deps);
    if (claimed > 0) passes++;
    else if (deferred === 0 || Date.now() > giveUpAt) break;
    else await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return passes;
}

const RATE_WAIT_LIMIT_MS = 40_000;

/** Stands in for the passage of time: makes every waiting signup due now. */
export async function makeEverythingDue(db: Db): Promise<void> {
  await db.signup.updateMany({ where: { status: "PENDING" }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
}

export async function addSignups(db: Db, tenantId: string, count: number, prefix = "reader"): Promise<void> {
  const rows = Array.from({ length: count }, (_, index) => {
    const email = `${prefix}${index}@example.com`;
    return { tenantId, email, emailNormalized: email, firstName: `Reader ${index}`, consentGiven: true };
  });
  for (let start = 0; start < rows.length; start += 500) await db.signup.createMany({ data: rows.slice(start, start + 500) });
}

export async function simJson<T>(simulatorUrl: string, path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${simulatorUrl}${path}`, {
    ...init,
    headers: { "content-type": "application/json", ...(init?.headers ?? {}) },
  });
  if (!response.ok) throw new Error(`${init?.method ?? "GET"} ${path} → ${response.status}: ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export async function simContacts(simulatorUrl: string, portalId = 62515): Promise<{ id: string; properties: Record<string, string> }[]> {
  return (
    await simJson<{ results: { id: string; properties: Record<string, string> }[] }>(simulatorUrl, `/_sim/portals/${portalId}/contacts`)
  ).results;
}

/** One simulator + database world for a sync test file: started once, and before each test HubSpot's
 * state, the signups, connections and shared call slots start afresh (so does the rate window). */
export function sharedSyncWorld(provider: TestProvider = "sqlite"): {
  readonly world: SimulatorWorld;
  connectedTenant(): Promise<{ tenant: { id: string; slug: string }; owner: SeededPerson; connectionId: string }>;
} {
  let current: SimulatorWorld | undefined;
  beforeAll(async () => {
    current = await startSimulatorWorld(provider);
  });
  afterAll(async () => {
    await current?.close();
  });
  beforeEach(async () => {
    const world = started();
    await simJson(world.sim.url, "/_sim/reset", { method: "POST" });
    await world.database.db.signup.deleteMany();
    await world.database.db.connection.deleteMany();
    await world.database.db.portalCallSlot.deleteMany();
  });
  function started(): SimulatorWorld {
    if (!current) throw new Error("the sync world is not started yet (use it inside tests and hooks)");
    return current;
  }
  return {
    get world() {
      return started();
    },
    async connectedTenant() {
      const { db } = started().database;
      const {
        tenant,
        people: [owner],
      } = await seedTenant(db);
      const { connectionId } = await connectPortal({ db, tenant }, { actor: owner.actor });
      return { tenant, owner, connectionId };
    },
  };
}
