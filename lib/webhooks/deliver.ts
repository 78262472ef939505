// One delivery attempt: sign the stored payload per Standard Webhooks (with the current secret and,
// during a rotation's grace period, the previous one), POST it, and record the attempt and its
// outcome under this worker's claim. Redirects are not followed and the URL is checked again, so a
// receiver cannot steer deliveries to internal addresses.
import { Webhook } from "standardwebhooks";
import type { KeyRing } from "@/lib/crypto/key-ring";
import type { Db } from "@/lib/db/create-client";
import { recordAuditEvent, SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { log } from "@/lib/log";
import { openEndpointSecret } from "./endpoint-secret";
import { refuseEndpointUrl, type UrlPolicy } from "./endpoint-url";
import { DISABLE_AFTER_FAILING_MS, nextRetryDelayMs } from "./retry-schedule";

export type DeliverySettings = { keyRing: KeyRing; urlPolicy: UrlPolicy; timeoutMs: number; retryDelaysMs?: readonly number[] };

type Attempt = { statusCode: number | null; latencyMs: number; error: string | null };

export async function deliverClaimed(db: Db, workerId: string, deliveryId: string, settings: DeliverySettings): Promise<void> {
  const delivery = await db.webhookDelivery.findFirst({
    where: { id: deliveryId, claimedBy: workerId },
    select: {
      id: true, attempts: true, eventId: true,
      event: { select: { payload: true, createdAt: true } },
      endpoint: { select: { id: true, tenantId: true, url: true, secretCiphertext: true, previousSecretCiphertext: true, previousSecretExpiresAt: true, failingSince: true } },
    },
  });
  if (!delivery) return;
  const attempt = await send(delivery.endpoint, delivery.eventId, delivery.event, settings);
  await recordAttempt(db, workerId, delivery, attempt, settings);
}

async function send(
  endpoint: { id: string; tenantId: string | null; url: string; secretCiphertext: string; previousSecretCiphertext: string | null; previousSecretExpiresAt: Date | null },
  messageId: string,
  event: { payload: string },
  settings: DeliverySettings,
): Promise<Attempt> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  const refusal = await refuseEndpointUrl(endpoint.url, settings.urlPolicy);
  if (refusal) return { statusCode: null, latencyMs: latency(), error: refusal };
  const timestamp = new Date();
  const secrets = [endpoint.secretCiphertext];
  if (endpoint.previousSecretCiphertext && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > timestamp) {
    secrets.push(endpoint.previousSecretCiphertext);
  }
  const signature = secrets
    .map((sealed) => new Webhook(openEndpointSecret(settings.keyRing, endpoint, sealed)).sign(messageId, timestamp, event.payload))
    .join(" ");
  try {
    const response = await fetch(endpoint.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(settings.timeoutMs),
      headers: {
        "content-type": "application/json",
        "user-agent": "Switchboard-Webhooks/1",
        "webhook-id": messageId,
        "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
        "webhook-signature": signature,
      },
      body: event.payload,
    });
    await response.body?.cancel().catch(() => undefined);
    const ok = response.status >= 200 && response.status < 300;
    return { statusCode: response.status, latencyMs: latency(), error: ok ? null : `Answered HTTP ${response.status}` };
  } catch (error) {
    const timedOut = (error as Error).name === "TimeoutError";
    return { statusCode: null, latencyMs: latency(), error: timedOut ? `No answer within ${settings.timeoutMs} ms` : "Could not connect" };
  }
}

async function recordAttempt(
  db: Db,
  workerId: string,
  delivery: { id: string; attempts: number; endpoint: { id: string; tenantId: string | null; url: string; failingSince: Date | null } },
  attempt: Attempt,
  settings: DeliverySettings,
): Promise<void> {
  const now = new Date();
  const attempts = delivery.attempts + 1;
  const delivered = attempt.error === null;
  const delay = delivered ? null : nextRetryDelayMs(attempts, settings.retryDelaysMs);
  const status = delivered ? "DELIVERED" : delay === null ? "FAILED" : "PENDING";
  const [{ count }] = await db.$transaction([
    db.webhookDelivery.updateMany({
      where: { id: delivery.id, claimedBy: workerId },
      data: {
        status, attempts, claimedBy: null, claimedUntil: null, lastStatusCode: attempt.statusCode, lastError: attempt.error,
        lastLatencyMs: attempt.latencyMs, ...(delivered ? { deliveredAt: now } : {}),
        ...(delay !== null ? { nextAttemptAt: new Date(now.getTime() + delay) } : {}),
      },
    }),
    db.webhookAttempt.create({ data: { deliveryId: delivery.id, statusCode: attempt.statusCode, latencyMs: attempt.latencyMs, error: attempt.error } }),
  ]);
  if (count === 0) return;
  if (delivered) {
    if (delivery.endpoint.failingSince) await db.webhookEndpoint.updateMany({ where: { id: delivery.endpoint.id }, data: { failingSince: null } });
    return;
  }
  await noteFailure(db, delivery.endpoint, now);
}

// A run of failures starts the endpoint's clock; three days of it without one success disables it.
async function noteFailure(db: Db, endpoint: { id: string; tenantId: string | null; url: string; failingSince: Date | null }, now: Date) {
  if (!endpoint.failingSince) {
    await db.webhookEndpoint.updateMany({ where: { id: endpoint.id, failingSince: null }, data: { failingSince: now } });
    return;
  }
  if (now.getTime() - endpoint.failingSince.getTime() < DISABLE_AFTER_FAILING_MS) return;
  const reason = `Disabled on ${now.toISOString().slice(0, 10)}: every delivery failed for 3 days. Fix the receiver, then enable it again.`;
  const { count } = await db.webhookEndpoint.updateMany({ where: { id: endpoint.id, enabled: true }, data: { enabled: false, disabledReason: reason } });
  if (count === 0) return;
  log.warn("webhook endpoint disabled after 3 days of failures", { endpointId: endpoint.id, tenantId: endpoint.tenantId });
  if (endpoint.tenantId) {
    await recordAuditEvent(db, {
      tenantId: endpoint.tenantId, subject: `webhook:${endpoint.id}`, actorLabel: SYSTEM_ACTOR, action: "webhook_endpoint", outcome: "failure",
      detail: `Webhook endpoint ${endpoint.url} disabled: every delivery failed for 3 days`,
    });
  }
}
