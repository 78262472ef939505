// /api/v1/webhook-endpoints end to end: create (secret once), list, read, change, send a test event
// that a real receiver verifies, the delivery log, redeliver, rotate, delete; tenant scoping.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeKeyRing } from "@switchboard/lib/crypto/active-key-ring";
import { startWebhookWorker, type WebhookWorker } from "@switchboard/lib/webhooks/delivery-worker";
import { listWebhookDeliveries, redeliverWebhook, sendTestWebhook } from "@switchboard/lib/api/v1/webhook-delivery-routes";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookEndpoints,
  rotateWebhookSecret,
  updateWebhookEndpoint,
} from "@switchboard/lib/api/v1/webhook-endpoint-routes";
import { startReceiver, type Receiver } from "@/tests/webhooks/support/receiver";
import type { ApiWorld } from "../support/api-world";

type EndpointBody = { id: string; url: string; enabled: boolean; eventTypes: string[]; tenantId: string | null };
type WithSecret = { endpoint: EndpointBody; secret: string };
type Deliveries = { items: { id: string; eventId: string; status: string; attempts: number; lastStatusCode: number | null }[] };

export function webhooksSuite(world: () => ApiWorld) {
  describe("webhook endpoints", () => {
    let receiver: Receiver;
    let worker: WebhookWorker;
    beforeAll(async () => {
      receiver = await startReceiver();
      const w = world();
      worker = startWebhookWorker({
        store: w.database.store,
        keyRing: activeKeyRing(),
        urlPolicy: { production: false, allowPrivate: true },
        timeoutMs: 2_000,
        idlePollMs: 50,
      });
    });
    afterAll(async () => {
      await worker?.stop();
      await receiver?.close();
    });

    it("creates an endpoint, delivers a signed test event, logs it, redelivers it with the same webhook-id", async () => {
      const w = world();
      const key = await w.tenantKey(["webhooks:manage"]);
      const created = await w.call(createWebhookEndpoint, {
        key,
        body: { url: receiver.url, eventTypes: ["connection.needs_reconnect", "signup.failed"] },
      });
      expect(created.status).toBe(201);
      const { endpoint, secret } = (await created.json()) as WithSecret;
      expect(secret).toMatch(/^whsec_/);
      expect(endpoint).toMatchObject({ tenantId: w.tenant.id, enabled: true, eventTypes: ["connection.needs_reconnect", "signup.failed"] });
      const read = await (await w.call(getWebhookEndpoint, { key, params: { endpointId: endpoint.id } })).text();
      expect(read).not.toContain(secret);
      receiver.secrets = [secret];
      const queued = await w.call(sendTestWebhook, { key, params: { endpointId: endpoint.id } });
      expect(queued.status).toBe(202);
      const { eventId } = (await queued.json()) as { eventId: string };
      await receiver.waitFor(1);
      expect(receiver.received[0]).toMatchObject({ id: eventId, type: "webhook.test", verified: true });
      await expect
        .poll(
          async () =>
            ((await (await w.call(listWebhookDeliveries, { key, params: { endpointId: endpoint.id } })).json()) as Deliveries).items[0]
              ?.status,
        )
        .toBe("delivered");
      const log = (await (await w.call(listWebhookDeliveries, { key, params: { endpointId: endpoint.id } })).json()) as Deliveries;
      expect(log.items[0]).toMatchObject({ eventId, attempts: 1, lastStatusCode: 204 });
      const again = await w.call(redeliverWebhook, { key, params: { endpointId: endpoint.id, deliveryId: log.items[0]?.id ?? "" } });
      expect(again.status).toBe(202);
      await receiver.waitFor(2);
      expect(receiver.received[1]).toMatchObject({ id: eventId, verified: true });
      receiver.received.length = 0;
    });

    it("lists, changes, rotates and deletes; another tenant's key sees nothing", async () => {
      const w = world();
      const key = await w.tenantKey(["webhooks:manage"]);
      const { endpoint } = (await (
        await w.call(createWebhookEndpoint, { key, body: { url: receiver.url, description: "crm" } })
      ).json()) as WithSecret;
      const list = (await (await w.call(listWebhookEndpoints, { key })).json()) as { items: EndpointBody[] };
      expect(list.items.map((item) => item.id)).toContain(endpoint.id);
      const changed = await w.call(updateWebhookEndpoint, {
        key,
        params: { endpointId: endpoint.id },
        body: { enabled: false, eventTypes: ["signup.synced"] },
      });
      expect((await changed.json()) as EndpointBody).toMatchObject({ enabled: false, eventTypes: ["signup.synced"] });
      const rotated = await w.call(rotateWebhookSecret, { key, params: { endpointId: endpoint.id } });
      expect(((await rotated.json()) as WithSecret).secret).toMatch(/^whsec_/);
      const other = await w.otherTenantKey(["webhooks:manage"]);
      expect((await w.call(getWebhookEndpoint, { key: other, params: { endpointId: endpoint.id } })).status).toBe(404);
      expect((await w.call(deleteWebhookEndpoint, { key: other, params: { endpointId: endpoint.id } })).status).toBe(404);
      expect(((await (await w.call(listWebhookEndpoints, { key: other })).json()) as { items: unknown[] }).items).toEqual([]);
      expect((await w.call(deleteWebhookEndpoint, { key, params: { endpointId: endpoint.id } })).status).toBe(204);
      expect((await w.call(getWebhookEndpoint, { key, params: { endpointId: endpoint.id } })).status).toBe(404);
    });

    it("lets an operator key add an operator-wide endpoint, and refuses bad URLs and unknown event types with 422", async () => {
      const w = world();
      const operator = await w.operatorKey(["webhooks:manage"]);
      const created = await w.call(createWebhookEndpoint, { key: operator, body: { url: receiver.url } });
      expect(created.status).toBe(201);
      expect(((await created.json()) as WithSecret).endpoint.tenantId).toBeNull();
      const bad = await w.call(createWebhookEndpoint, {
        key: operator,
        body: { url: "ftp://example.com/x", eventTypes: ["signup.exploded"] },
      });
      expect(bad.status).toBe(422);
      expect(Object.keys(((await bad.json()) as { errors: object }).errors)).toContain("eventTypes");
      const badUrl = await w.call(createWebhookEndpoint, { key: operator, body: { url: "ftp://example.com/x" } });
      expect(badUrl.status).toBe(422);
      expect(((await badUrl.json()) as { errors: Record<string, string[]> }).errors.url).toBeDefined();
    });
  });
}
