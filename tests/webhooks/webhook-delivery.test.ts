// Webhooks out on both databases, with a real local receiver that verifies every request with the
// standardwebhooks library: outbox events written with the change, signed delivery, retries while
// the receiver is down, no double delivery across workers, a worker killed mid-delivery, rotation,
// and the 3-day disable.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { activeKeyRing } from "@switchboard/lib/crypto/active-key-ring";
import { markNeedsReconnect } from "@switchboard/lib/integrations/connection-status";
import { metrics } from "@switchboard/lib/metrics/registry";
import { startWebhookWorker, type WebhookWorker } from "@switchboard/lib/webhooks/delivery-worker";
import { createEndpoint, rotateEndpointSecret } from "@switchboard/lib/webhooks/manage-endpoints";
import { recordWebhookEvents } from "@switchboard/lib/webhooks/record-webhook-events";
import { redeliver, sendTestEvent } from "@switchboard/lib/webhooks/test-and-redeliver";
import { configureApp } from "@/tests/helpers/app-env";
import { createTestDatabase, testProviders, type TestDatabase } from "@/tests/helpers/databases";
import { seedTenant } from "@/tests/helpers/seed-tenant";
import { startReceiver, type Receiver } from "./support/receiver";

const tester = { userId: null, label: "test" };

const FAST_RETRIES = [200, 200, 200, 200, 200, 200, 200, 200];

// Private receivers allowed, as WEBHOOK_ALLOW_PRIVATE_URLS=true gives the app.
const endpointServices = () => ({ keyRing: activeKeyRing(), urlPolicy: { production: false, allowPrivate: true } });

describe.each(testProviders)("webhook delivery on %s", (provider) => {
  let database: TestDatabase;
  let receiver: Receiver;
  let tenantId: string;
  const workers: WebhookWorker[] = [];

  const startWorker = (workerId?: string) => {
    const worker = startWebhookWorker({
      store: database.store,
      keyRing: activeKeyRing(),
      urlPolicy: { production: false, allowPrivate: true },
      timeoutMs: 2_000,
      idlePollMs: 50,
      retryDelaysMs: FAST_RETRIES,
      leaseMs: 3_000,
      ...(workerId ? { workerId } : {}),
    });
    workers.push(worker);
    return worker;
  };
  const stopWorkers = async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop()));
  };
  const newEndpoint = async (eventTypes?: ("connection.needs_reconnect" | "signup.synced")[]) => {
    const { endpoint, secret } = await createEndpoint(
      database.db,
      endpointServices(),
      tenantId,
      { url: receiver.url, ...(eventTypes ? { eventTypes } : {}) },
      tester,
    );
    receiver.secrets = [secret];
    return endpoint;
  };

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    configureApp(database.url, { WEBHOOK_ALLOW_PRIVATE_URLS: "true" });
    receiver = await startReceiver();
  });
  beforeEach(async () => {
    await stopWorkers();
    await database.reset();
    receiver.received.length = 0;
    receiver.mode = "ok";
    tenantId = (await seedTenant(database.db)).tenant.id;
  });
  afterAll(async () => {
    await stopWorkers();
    await receiver?.close();
    await database?.drop();
  });

  it("writes connection.needs_reconnect with the status change and delivers it signed, verified by standardwebhooks", async () => {
    await newEndpoint();
    const connection = await database.db.connection.create({ data: { tenantId, provider: "hubspot", portalId: "777" } });
    await markNeedsReconnect(database.db, connection.id, "HubSpot rejected the refresh token");
    const [event] = await database.db.webhookEvent.findMany({ where: { tenantId } });
    expect(event?.type).toBe("connection.needs_reconnect");
    startWorker();
    const [received] = await receiver.waitFor(1);
    expect(received).toMatchObject({ id: event?.id, type: "connection.needs_reconnect", verified: true });
    expect(received?.body).toMatchObject({
      data: { connectionId: connection.id, portalId: "777", status: "needs_reconnect", reason: "HubSpot rejected the refresh token" },
    });
    await expect
      .poll(async () => (await database.db.webhookDelivery.findFirstOrThrow({ where: { eventId: event?.id } })).status)
      .toBe("DELIVERED");
    const delivery = await database.db.webhookDelivery.findFirstOrThrow({ where: { eventId: event?.id } });
    expect(delivery).toMatchObject({ status: "DELIVERED", attempts: 1, lastStatusCode: 204 });
    expect(await database.db.webhookAttempt.count({ where: { deliveryId: delivery.id } })).toBe(1);
  });

  it("writes no event when the change is rolled back (outbox in the same transaction)", async () => {
    await newEndpoint();
    await expect(
      database.db.$transaction(async (tx) => {
        await recordWebhookEvents(tx, [
          {
            tenantId,
            type: "signup.synced",
            data: { signupId: "s", tenantId, email: "a@example.com", hubspotContactId: "1", reason: null },
          },
        ]);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await database.db.webhookEvent.count()).toBe(0);
  });

  /** This process's webhook attempt counter (shared by every test here, so tests compare before/after). */
  const countedAttempts = async (outcome: string, answer: string) =>
    (await metrics().webhookAttempts.get()).values
      .filter((value) => value.labels.outcome === outcome && value.labels.answer === answer)
      .reduce((sum, value) => sum + value.value, 0);

  it("keeps retrying while the receiver is down and delivers once it is back, and counts both in the metrics", async () => {
    const [retriedBefore, deliveredBefore] = [await countedAttempts("retrying", "network"), await countedAttempts("delivered", "204")];
    await newEndpoint();
    await sendTestEvent(database.db, { id: (await database.db.webhookEndpoint.findFirstOrThrow()).id, tenantId }, tester);
    await receiver.down();
    startWorker();
    await expect
      .poll(async () => (await database.db.webhookDelivery.findFirstOrThrow()).attempts, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(2);
    const failing = await database.db.webhookEndpoint.findFirstOrThrow();
    expect(failing.failingSince).not.toBeNull();
    await receiver.up();
    const [received] = await receiver.waitFor(1);
    expect(received).toMatchObject({ type: "webhook.test", verified: true });
    await expect.poll(async () => (await database.db.webhookDelivery.findFirstOrThrow()).status).toBe("DELIVERED");
    const delivery = await database.db.webhookDelivery.findFirstOrThrow();
    expect(delivery.status).toBe("DELIVERED");
    expect(delivery.lastError).toBeNull();
    // The endpoint's health is written just after the delivery's outcome, by the same pass.
    await expect.poll(async () => (await database.db.webhookEndpoint.findFirstOrThrow()).failingSince).toBeNull();
    expect(await countedAttempts("retrying", "network")).toBe(retriedBefore + delivery.attempts - 1);
    expect(await countedAttempts("delivered", "204")).toBe(deliveredBefore + 1);
  });

  it("never delivers an event twice with two workers sharing the queue", async () => {
    await newEndpoint();
    const events = Array.from({ length: 40 }, (_, i) => ({
      tenantId,
      type: "signup.synced" as const,
      data: { signupId: `s${i}`, tenantId, email: `p${i}@example.com`, hubspotContactId: String(i), reason: null },
    }));
    await recordWebhookEvents(database.db, events);
    startWorker("worker-a");
    startWorker("worker-b");
    await receiver.waitFor(40);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const ids = receiver.received.map((item) => item.id);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
    expect(receiver.received.filter((item) => !item.verified)).toEqual([]);
  });

  it("delivers an event a worker held when it was killed with -9, with the same webhook-id", async () => {
    await newEndpoint();
    const { eventId } = await sendTestEvent(
      database.db,
      { id: (await database.db.webhookEndpoint.findFirstOrThrow()).id, tenantId },
      tester,
    );
    receiver.mode = "hang";
    // Node itself with tsx's loader, not the tsx CLI: SIGKILL must hit the worker, not a wrapper
    // that would leave the real worker running as an orphan.
    const script = fileURLToPath(new URL("./support/webhook-worker-child.ts", import.meta.url));
    const child = spawn(process.execPath, ["--conditions=source", "--import", "tsx", script], {
      env: {
        ...process.env,
        WEBHOOK_CHILD_INPUT: JSON.stringify({ databaseUrl: database.url, keyRing: process.env.TOKEN_ENCRYPTION_KEYS, leaseMs: 2_000 }),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("claimed") && resolve());
      child.once("exit", (code) => reject(new Error(`child exited (${code})`)));
    });
    await new Promise((resolve) => setTimeout(resolve, 300)); // its POST is now in flight, unanswered
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    receiver.mode = "ok";
    startWorker();
    const [received] = await receiver.waitFor(1, 15_000);
    expect(received).toMatchObject({ id: eventId, verified: true });
    await expect.poll(async () => (await database.db.webhookDelivery.findFirstOrThrow()).status).toBe("DELIVERED");
    // A second Node process compiling the library from source: on a loaded 2-core machine its start alone can take most of a minute.
  }, 120_000);

  it("signs with both secrets during a rotation, and redelivers with the same webhook-id", async () => {
    const endpoint = await newEndpoint();
    const previous = receiver.secrets[0] ?? "";
    const { secret } = await rotateEndpointSecret(database.db, endpointServices(), endpoint.id, tester);
    receiver.secrets = [previous, secret];
    const { deliveryId, eventId } = await sendTestEvent(database.db, endpoint, tester);
    startWorker();
    await receiver.waitFor(1);
    await expect
      .poll(async () => (await database.db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).status)
      .toBe("DELIVERED");
    await redeliver(database.db, endpoint, deliveryId, tester);
    const received = await receiver.waitFor(2);
    expect(received.map((item) => item.id)).toEqual([eventId, eventId]);
    expect(received.filter((item) => !item.verified)).toEqual([]);
  });

  it("sends only subscribed types, and disables an endpoint that has failed for 3 days", async () => {
    const endpoint = await newEndpoint(["connection.needs_reconnect"]);
    await recordWebhookEvents(database.db, [
      { tenantId, type: "signup.synced", data: { signupId: "s", tenantId, email: "a@example.com", hubspotContactId: "1", reason: null } },
    ]);
    await database.db.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: { failingSince: new Date(Date.now() - 3 * 24 * 3600_000 - 1000) },
    });
    receiver.mode = "fail";
    await sendTestEvent(database.db, endpoint, tester);
    startWorker();
    await expect
      .poll(async () => (await database.db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).enabled, { timeout: 10_000 })
      .toBe(false);
    const disabled = await database.db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(disabled.disabledReason).toMatch(/3 days/);
    // One automatic disable (creating the endpoint and the test event are audited as changes, by "test").
    expect(await database.db.auditEvent.count({ where: { tenantId, action: "webhook_endpoint", outcome: "failure" } })).toBe(1);
    // The signup.synced event was fanned out to nobody: the endpoint only wants needs_reconnect.
    expect(await database.db.webhookDelivery.count({ where: { event: { type: "signup.synced" } } })).toBe(0);
  });

  it("stores an endpoint URL in its normalised form: lower-case scheme and host, default port dropped", async () => {
    const { port } = new URL(receiver.url);
    const created = await createEndpoint(database.db, endpointServices(), tenantId, { url: `HTTP://LocalHost:${port}/Hooks?X=1` }, tester);
    expect(created.endpoint.url).toBe(`http://localhost:${port}/Hooks?X=1`);
    const bare = await createEndpoint(database.db, endpointServices(), tenantId, { url: "HTTP://127.0.0.1:80" }, tester);
    expect(bare.endpoint.url).toBe("http://127.0.0.1/");
  });

  describe("connecting to the address the URL check approved", () => {
    // The endpoint points at a name only the injected resolver knows; the receiver listens on 127.0.0.1.
    const pointAtName = async (name: string) => {
      const endpoint = await newEndpoint();
      const url = new URL(receiver.url);
      url.hostname = name;
      // Written directly: creating it would resolve the name with the system resolver, which does not know it.
      await database.db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { url: url.href } });
      const { eventId } = await sendTestEvent(database.db, { id: endpoint.id, tenantId }, tester);
      return { endpoint, eventId };
    };
    const startResolvingWorker = (
      urlPolicy: { production: boolean; allowPrivate: boolean },
      resolveHost: (name: string) => Promise<string[]>,
    ) => {
      const worker = startWebhookWorker({
        store: database.store,
        keyRing: activeKeyRing(),
        urlPolicy,
        timeoutMs: 1_000,
        idlePollMs: 50,
        retryDelaysMs: FAST_RETRIES,
        leaseMs: 3_000,
        resolveHost,
      });
      workers.push(worker);
    };

    it("sends to the checked address with the URL's own host name, without resolving it again", async () => {
      const resolved: string[] = [];
      // Answers the receiver's address once; any second lookup would get an address nobody listens on.
      startResolvingWorker({ production: false, allowPrivate: true }, async (name) => {
        resolved.push(name);
        return resolved.length === 1 ? ["127.0.0.1"] : ["127.0.0.9"];
      });
      const { eventId } = await pointAtName("hooks.rebind.test");
      const [received] = await receiver.waitFor(1);
      expect(received).toMatchObject({ id: eventId, verified: true });
      expect(resolved).toEqual(["hooks.rebind.test"]);
    });

    it("keeps a connection to a receiver for the next delivery, but only to the address approved for that delivery", async () => {
      // A second receiver on another loopback address and the same port: the same URL can lead to either.
      const other = await startReceiver({ host: "127.0.0.2", port: Number(new URL(receiver.url).port) });
      receiver.connections = 0;
      try {
        let answer = "127.0.0.1";
        startResolvingWorker({ production: false, allowPrivate: true }, async () => [answer]);
        const { endpoint } = await pointAtName("hooks.pool.test");
        other.secrets = receiver.secrets;
        await receiver.waitFor(1);
        for (let sent = 2; sent <= 4; sent++) {
          await sendTestEvent(database.db, { id: endpoint.id, tenantId }, tester);
          await receiver.waitFor(sent);
        }
        // Four deliveries one after another, one connection.
        expect(receiver.connections).toBe(1);
        // The name now answers the other address: the next delivery goes there, not down the kept connection.
        answer = "127.0.0.2";
        const { eventId } = await sendTestEvent(database.db, { id: endpoint.id, tenantId }, tester);
        const [received] = await other.waitFor(1);
        expect(received).toMatchObject({ id: eventId, verified: true });
        expect(receiver.received).toHaveLength(4);
      } finally {
        await other.close();
      }
    });

    it("a name that answers a public address to the check and a private one after never reaches the private one", async () => {
      const resolved: string[] = [];
      startResolvingWorker({ production: false, allowPrivate: false }, async (name) => {
        resolved.push(name);
        // TEST-NET-free public address for the check; the receiver's loopback address for anyone who asks again.
        return resolved.length === 1 ? ["93.184.216.34"] : ["127.0.0.1"];
      });
      const { endpoint } = await pointAtName("hooks.rebind.test");
      // First attempt: approved 93.184.216.34 and went there (unreachable here), not to the receiver.
      await expect
        .poll(async () => database.db.webhookAttempt.count({ where: { delivery: { endpointId: endpoint.id } } }), { timeout: 15_000 })
        .toBeGreaterThanOrEqual(2);
      const attempts = await database.db.webhookAttempt.findMany({
        where: { delivery: { endpointId: endpoint.id } },
        orderBy: { attemptedAt: "asc" },
      });
      expect(attempts[0]?.error).toMatch(/Could not connect|No answer within/);
      // Second attempt: the check itself saw the private answer and refused it.
      expect(attempts[1]?.error).toMatch(/not on the public internet/);
      expect(receiver.received).toEqual([]);
    });
  });
});
