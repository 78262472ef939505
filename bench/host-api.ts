// (d) The host API on the production server: POST /api/v1/connections/{id}/access-token with a warm
// token next to GET /api/v1/whoami (authenticated, trivial) on the same server — the token path
// should cost little more than a decrypt (goal ≥ 0.8× whoami's rate) — and (e) webhook deliveries/s
// by a delivery worker to a local receiver next to a bare HTTP POST loop to that same receiver.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createApiKey } from "@switchboard/lib/api-keys/manage-api-keys";
import { parseKeyRing } from "@switchboard/lib/crypto/key-ring";
import type { Store } from "@switchboard/lib/db/store";
import { sealTokenSet } from "@switchboard/lib/integrations/tokens/stored-tokens";
import { startWebhookWorker } from "@switchboard/lib/webhooks/delivery-worker";
import { newEndpointSecret, sealEndpointSecret } from "@switchboard/lib/webhooks/endpoint-secret";
import { recordWebhookEvents } from "@switchboard/lib/webhooks/record-webhook-events";
import { createBenchDatabase, createBenchTenant } from "./support/bench-database";
import { runLoad, round, type LoadResult } from "./support/load-generator";
import { ensureProductionBuild, startAppServer } from "./support/production-app";

export type HostApiBenchResult = {
  accessToken: LoadResult;
  whoami: LoadResult;
  /** GET /api/v1/connections/{id}: one more read than whoami, for locating the token path's extra cost. */
  connectionRead: LoadResult;
  ratio: number;
  webhooks: { events: number; deliveredPerSecond: number; barePostsPerSecond: number; ratio: number; concurrency: number };
};

const DIST_DIR = ".next-bench";

export async function benchHostApi(durationMs: number, concurrency: number, webhookEvents: number): Promise<HostApiBenchResult> {
  const database = await createBenchDatabase("host-api");
  const keyRingText = `bench:${randomBytes(32).toString("base64")}`;
  try {
    const { tenant } = await createBenchTenant(database.db, "api");
    const connectionId = randomBytes(12).toString("hex");
    await database.db.connection.create({
      data: {
        id: connectionId,
        tenantId: tenant.id,
        provider: "hubspot",
        portalId: "62515",
        grantedScopes: "oauth crm.objects.contacts.write",
        ...sealTokenSet(
          parseKeyRing(keyRingText),
          { id: connectionId, tenantId: tenant.id },
          { accessToken: `bench-access-${randomBytes(16).toString("hex")}`, refreshToken: "bench-refresh" },
        ),
        // Warm: hours from expiry, so no call needs a refresh.
        accessTokenExpiresAt: new Date(Date.now() + 6 * 3600_000),
        lastRefreshedAt: new Date(),
      },
    });
    const { key } = await createApiKey(database.db, {
      tenantId: tenant.id,
      name: "bench",
      scopes: ["connections:token", "connections:read"],
      creator: { userId: null, label: "bench" },
    });
    const env = {
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      AUTH_SECRET: randomBytes(32).toString("base64"),
      AUTH_TRUST_HOST: "true",
      TOKEN_ENCRYPTION_KEYS: keyRingText,
      SYNC_IN_PROCESS: "false",
      API_RATE_LIMIT_POINTS: "1000000000",
      LOG_LEVEL: "error",
    };
    await ensureProductionBuild(DIST_DIR, env);
    const server = await startAppServer(DIST_DIR, env);
    let accessToken: LoadResult;
    let whoami: LoadResult;
    let connectionRead: LoadResult;
    try {
      const headers = { authorization: `Bearer ${key}` };
      const tokenUrl = `${server.url}/api/v1/connections/${connectionId}/access-token`;
      const whoamiUrl = `${server.url}/api/v1/whoami`;
      await runLoad({ url: tokenUrl, concurrency, durationMs: 1_500, body: null, method: "POST", headers, okStatus: 200 });
      await runLoad({ url: whoamiUrl, concurrency, durationMs: 1_500, body: null, headers, okStatus: 200 });
      // Side by side in one run: short alternating rounds, so a burst of other load on this shared
      // machine hits both paths alike instead of skewing whichever ran during it.
      const rounds = 4;
      const whoamiRounds: LoadResult[] = [];
      const tokenRounds: LoadResult[] = [];
      const readRounds: LoadResult[] = [];
      const connectionUrl = `${server.url}/api/v1/connections/${connectionId}`;
      for (let round = 0; round < rounds; round++) {
        whoamiRounds.push(
          await runLoad({ url: whoamiUrl, concurrency, durationMs: durationMs / rounds, body: null, headers, okStatus: 200 }),
        );
        tokenRounds.push(
          await runLoad({
            url: tokenUrl,
            concurrency,
            durationMs: durationMs / rounds,
            body: null,
            method: "POST",
            headers,
            okStatus: 200,
          }),
        );
        readRounds.push(
          await runLoad({ url: connectionUrl, concurrency, durationMs: durationMs / rounds / 2, body: null, headers, okStatus: 200 }),
        );
      }
      whoami = combine(whoamiRounds);
      accessToken = combine(tokenRounds);
      connectionRead = combine(readRounds);
    } finally {
      await server.stop();
    }
    const webhooks = await benchWebhookDeliveries(database.store, tenant.id, keyRingText, database.url, webhookEvents);
    return { accessToken, whoami, connectionRead, ratio: round(accessToken.perSecond / Math.max(whoami.perSecond, 0.001)), webhooks };
  } finally {
    await database.remove();
  }
}

async function benchWebhookDeliveries(store: Store, tenantId: string, keyRingText: string, databaseUrl: string, events: number) {
  const { db } = store;
  const concurrency = 32;
  let received = 0;
  const receiver = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      received++;
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  try {
    // Sealed with this run's keys directly: earlier benches may have cached another configuration.
    const endpoint = { id: "we_bench", tenantId };
    await db.webhookEndpoint.create({
      data: { ...endpoint, url, secretCiphertext: sealEndpointSecret(parseKeyRing(keyRingText), endpoint, newEndpointSecret()) },
    });
    const data = (i: number) => ({
      signupId: `s${i}`,
      tenantId,
      email: `reader${i}@example.com`,
      hubspotContactId: String(i),
      reason: null,
    });
    for (let start = 0; start < events; start += 500) {
      await recordWebhookEvents(
        db,
        Array.from({ length: Math.min(500, events - start) }, (_, i) => ({
          tenantId,
          type: "signup.synced" as const,
          data: data(start + i),
        })),
      );
    }
    const started = performance.now();
    const worker = startWebhookWorker({
      store,
      keyRing: parseKeyRing(keyRingText),
      urlPolicy: { production: false, allowPrivate: true },
      timeoutMs: 10_000,
      idlePollMs: 20,
      concurrency,
      workerId: `bench:${databaseUrl.length}`,
    });
    while ((await db.webhookDelivery.count({ where: { status: "DELIVERED" } })) < events)
      await new Promise((resolve) => setTimeout(resolve, 100));
    const deliveredPerSecond = round(events / ((performance.now() - started) / 1000));
    await worker.stop();

    // The same receiver, the same number of POSTs of a similar body, nothing else: the ceiling here.
    received = 0;
    const body = JSON.stringify({ type: "signup.synced", timestamp: new Date().toISOString(), data: data(0) });
    const bareStarted = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < events) {
          next++;
          const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
          await response.body?.cancel();
        }
      }),
    );
    const barePostsPerSecond = round(received / ((performance.now() - bareStarted) / 1000));
    return {
      events,
      deliveredPerSecond,
      barePostsPerSecond,
      ratio: round(deliveredPerSecond / Math.max(barePostsPerSecond, 0.001)),
      concurrency,
    };
  } finally {
    receiver.close();
  }
}

/** Rounds as one result: total rate; p50 the rounds' median, p99 the worst round's (a conservative summary). */
function combine(rounds: LoadResult[]): LoadResult {
  const seconds = rounds.reduce((sum, r) => sum + r.seconds, 0);
  const okResponses = rounds.reduce((sum, r) => sum + r.okResponses, 0);
  const statusCounts: Record<string, number> = {};
  for (const r of rounds)
    for (const [status, count] of Object.entries(r.statusCounts)) statusCounts[status] = (statusCounts[status] ?? 0) + count;
  const p50s = rounds.map((r) => r.p50Ms).sort((a, b) => a - b);
  return {
    requests: rounds.reduce((sum, r) => sum + r.requests, 0),
    okResponses,
    statusCounts,
    seconds: round(seconds),
    perSecond: round(okResponses / seconds),
    p50Ms: p50s[Math.floor(p50s.length / 2)] ?? 0,
    p95Ms: Math.max(...rounds.map((r) => r.p95Ms)),
    p99Ms: Math.max(...rounds.map((r) => r.p99Ms)),
  };
}
