// An endpoint whose signing secret can no longer be opened (the keys that sealed it are gone, or the
// row was tampered with) fails its own deliveries with that reason; the other deliveries claimed in
// the same batch go out, and the batch is not thrown back on every lease.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeKeyRing } from "@switchboard/lib/crypto/active-key-ring";
import { claimDueDeliveries } from "@switchboard/lib/db/statements/outbox-deliveries";
import { deliverClaimed, UNDECRYPTABLE_SECRET } from "@switchboard/lib/webhooks/deliver";
import { fanOutEvents } from "@switchboard/lib/webhooks/fan-out";
import { createEndpoint } from "@switchboard/lib/webhooks/manage-endpoints";
import { recordWebhookEvents } from "@switchboard/lib/webhooks/record-webhook-events";
import { configureApp } from "@/tests/helpers/app-env";
import { createTestDatabase, testProviders, type TestDatabase } from "@/tests/helpers/databases";
import { seedTenant } from "@/tests/helpers/seed-tenant";
import { startReceiver, type Receiver } from "./support/receiver";

describe.each(testProviders)("an endpoint with an undecryptable secret on %s", (provider) => {
  let database: TestDatabase;
  let receiver: Receiver;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    configureApp(database.url, { WEBHOOK_ALLOW_PRIVATE_URLS: "true" });
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await database?.drop();
  });

  it("fails only its own deliveries, with the reason, while the rest of the batch is delivered", async () => {
    const { tenant } = await seedTenant(database.db);
    const endpointServices = { keyRing: activeKeyRing(), urlPolicy: { production: false, allowPrivate: true } };
    const good = await createEndpoint(database.db, endpointServices, tenant.id, { url: receiver.url }, { userId: null, label: "test" });
    receiver.secrets = [good.secret];
    const broken = await createEndpoint(
      database.db,
      endpointServices,
      tenant.id,
      { url: `${receiver.url}?broken` },
      { userId: null, label: "test" },
    );
    // Sealed for another endpoint: the configured keys open it, but not bound to this row.
    const { secretCiphertext } = await database.db.webhookEndpoint.findUniqueOrThrow({ where: { id: good.endpoint.id } });
    await database.db.webhookEndpoint.update({ where: { id: broken.endpoint.id }, data: { secretCiphertext } });
    await recordWebhookEvents(database.db, [
      {
        tenantId: tenant.id,
        type: "signup.synced",
        data: { signupId: "s1", tenantId: tenant.id, email: "a@example.com", hubspotContactId: "1", reason: null },
      },
    ]);
    await fanOutEvents(database.store);
    const now = new Date();
    const claimed = await claimDueDeliveries(database.store, "lane", 10, now, new Date(now.getTime() + 60_000));
    expect(claimed).toHaveLength(2);

    await deliverClaimed(database.store, "lane", claimed, {
      keyRing: activeKeyRing(),
      urlPolicy: { production: false, allowPrivate: true },
      timeoutMs: 2_000,
    });

    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]?.verified).toBe(true);
    const deliveries = await database.db.webhookDelivery.findMany({
      select: { endpointId: true, status: true, lastError: true, claimedBy: true, attempts: true },
    });
    const byEndpoint = new Map(deliveries.map((delivery) => [delivery.endpointId, delivery]));
    expect(byEndpoint.get(good.endpoint.id)).toMatchObject({ status: "DELIVERED", claimedBy: null, attempts: 1 });
    // Retried on the usual schedule (a rotation fixes it), with the reason the tenant can act on.
    expect(byEndpoint.get(broken.endpoint.id)).toMatchObject({
      status: "PENDING",
      lastError: UNDECRYPTABLE_SECRET,
      claimedBy: null,
      attempts: 1,
    });
    const [attempt] = await database.db.webhookAttempt.findMany({ where: { delivery: { endpointId: broken.endpoint.id } } });
    expect(attempt).toMatchObject({ statusCode: null, error: UNDECRYPTABLE_SECRET });
  });
});
