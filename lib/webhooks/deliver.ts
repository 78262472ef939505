// One delivery attempt: sign the stored payload per Standard Webhooks (with the current secret and,
// during a rotation's grace period, the previous one), POST it, and record the attempt and its
// outcome under this worker's claim. Redirects are not followed and the URL is checked again, and
// the request goes to the address that check approved, so neither a receiver nor its DNS can steer
// deliveries to internal addresses.
import { Webhook } from "standardwebhooks";
import type { KeyRing } from "@/lib/crypto/key-ring";
import type { Db } from "@/lib/db/create-client";
import { recordDeliveryOutcomes, selectClaimedDeliveries, type DeliveryOutcome } from "@/lib/db/statements/outbox-deliveries";
import type { Store } from "@/lib/db/store";
import { TokenDecryptionError } from "@/lib/crypto/token-cipher";
import { recordAuditEvent, SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { log } from "@/lib/log";
import { countWebhookAttempt } from "@/lib/metrics/registry";
import { openEndpointSecret } from "./endpoint-secret";
import { checkEndpointUrl, type ResolveHost, type UrlPolicy } from "./endpoint-url";
import { postToAddress } from "./post-to-address";
import type { ReceiverConnections } from "./receiver-connections";
import { DISABLE_AFTER_FAILING_MS, nextRetryDelayMs } from "./retry-schedule";

export type DeliverySettings = {
  keyRing: KeyRing;
  urlPolicy: UrlPolicy;
  timeoutMs: number;
  retryDelaysMs?: readonly number[];
  /** The system resolver unless given (tests of what a name answers). */
  resolveHost?: ResolveHost;
  /** The worker's keep-alive connections to receivers; none: a connection per delivery. */
  connections?: ReceiverConnections;
};

/** `answer` labels the metrics: the HTTP status, or why there was none. */
type Attempt = { statusCode: number | null; latencyMs: number; error: string | null; answer: string };

/** Sends every delivery this worker claimed, side by side, and records all outcomes in one step. */
export async function deliverClaimed(store: Store, workerId: string, deliveryIds: string[], settings: DeliverySettings): Promise<void> {
  if (deliveryIds.length === 0) return;
  const deliveries = await selectClaimedDeliveries(store, workerId, deliveryIds);
  // A batch mostly goes to few endpoints: each endpoint's secrets are opened once per batch.
  const signers = new Map<string, Signer | null>();
  const attempts = await Promise.all(deliveries.map((delivery) => send(delivery.endpoint, delivery.eventId, delivery, settings, signers)));
  await recordAttempts(
    store,
    workerId,
    deliveries.map((delivery, index) => ({ delivery, attempt: attempts[index] as Attempt })),
    settings,
  );
}

async function send(
  endpoint: {
    id: string;
    tenantId: string | null;
    url: string;
    secretCiphertext: string;
    previousSecretCiphertext: string | null;
    previousSecretExpiresAt: Date | null;
  },
  messageId: string,
  event: { payload: string },
  settings: DeliverySettings,
  signers: Map<string, Signer | null>,
): Promise<Attempt> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  // Resolved once here; the request goes to the very address this approved.
  const checked = await checkEndpointUrl(
    endpoint.url,
    settings.urlPolicy,
    settings.resolveHost ? { resolveHost: settings.resolveHost } : {},
  );
  if (!checked.ok) return { statusCode: null, latencyMs: latency(), error: checked.reason, answer: "refused_url" };
  const timestamp = new Date();
  if (!signers.has(endpoint.id)) signers.set(endpoint.id, signerOf(endpoint, timestamp, settings.keyRing));
  const signer = signers.get(endpoint.id);
  // A secret the configured keys cannot open (keys rotated away, row tampered with) fails this
  // endpoint's deliveries with that reason; the other deliveries of the batch go out as usual.
  if (!signer) return { statusCode: null, latencyMs: latency(), error: UNDECRYPTABLE_SECRET, answer: "undecryptable_secret" };
  const signature = signer.map((webhook) => webhook.sign(messageId, timestamp, event.payload)).join(" ");
  const outcome = await postToAddress(checked.url, checked.address, {
    timeoutMs: settings.timeoutMs,
    ...(settings.connections ? { agent: settings.connections.agentFor(checked.url, checked.address) } : {}),
    headers: {
      "content-type": "application/json",
      "user-agent": "Switchboard-Webhooks/1",
      "webhook-id": messageId,
      "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
      "webhook-signature": signature,
    },
    body: event.payload,
  });
  switch (outcome.kind) {
    case "answered": {
      const ok = outcome.status >= 200 && outcome.status < 300;
      return {
        statusCode: outcome.status,
        latencyMs: latency(),
        error: ok ? null : `Answered HTTP ${outcome.status}`,
        answer: String(outcome.status),
      };
    }
    case "timeout":
      return { statusCode: null, latencyMs: latency(), error: `No answer within ${settings.timeoutMs} ms`, answer: "timeout" };
    case "network":
      return { statusCode: null, latencyMs: latency(), error: "Could not connect", answer: "network" };
  }
}

type Outcome = {
  delivery: { id: string; attempts: number; endpoint: { id: string; tenantId: string | null; url: string; failingSince: Date | null } };
  attempt: Attempt;
};

export const UNDECRYPTABLE_SECRET = "The endpoint's signing secret cannot be decrypted with the configured keys; rotate its secret";

/** One Standard Webhooks signer per secret in force: the current one and, during a rotation's grace period, the previous. */
type Signer = Webhook[];

function signerOf(
  endpoint: {
    id: string;
    tenantId: string | null;
    secretCiphertext: string;
    previousSecretCiphertext: string | null;
    previousSecretExpiresAt: Date | null;
  },
  now: Date,
  keyRing: KeyRing,
): Signer | null {
  const secrets = [endpoint.secretCiphertext];
  if (endpoint.previousSecretCiphertext && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now) {
    secrets.push(endpoint.previousSecretCiphertext);
  }
  try {
    return secrets.map((sealed) => new Webhook(openEndpointSecret(keyRing, endpoint, sealed)));
  } catch (error) {
    // Whatever the cause (a TokenDecryptionError, a malformed secret), only this endpoint is affected.
    log.warn("webhook endpoint secret cannot be opened", {
      endpointId: endpoint.id,
      tenantId: endpoint.tenantId,
      reason: error instanceof TokenDecryptionError ? error.message : "unreadable secret",
    });
    return null;
  }
}

async function recordAttempts(store: Store, workerId: string, outcomes: Outcome[], settings: DeliverySettings): Promise<void> {
  const now = new Date();
  const results = outcomes.map(({ delivery, attempt }) => {
    const attempts = delivery.attempts + 1;
    const delivered = attempt.error === null;
    const delay = delivered ? null : nextRetryDelayMs(attempts, settings.retryDelaysMs);
    const outcome: DeliveryOutcome = {
      id: delivery.id,
      status: delivered ? "DELIVERED" : delay === null ? "FAILED" : "PENDING",
      attempts,
      statusCode: attempt.statusCode,
      error: attempt.error,
      latencyMs: attempt.latencyMs,
      nextAttemptAt: delay === null ? null : new Date(now.getTime() + delay),
    };
    return { delivered, delay, outcome };
  });
  // Only under our claim: a delivery whose lease lapsed may be another worker's by now.
  const written = await recordDeliveryOutcomes(
    store,
    workerId,
    results.map((result) => result.outcome),
    now,
  );
  const db = store.db;
  // Endpoint health: a success ends a run of failures; failures start or extend it.
  const endpoints = new Map<string, { endpoint: Outcome["delivery"]["endpoint"]; succeeded: boolean }>();
  outcomes.forEach(({ delivery, attempt }, index) => {
    if (!written.has(delivery.id)) return;
    const { delivered, delay } = results[index]!;
    countWebhookAttempt(delivered ? "delivered" : delay === null ? "gave_up" : "retrying", attempt.answer, attempt.latencyMs);
    const seen = endpoints.get(delivery.endpoint.id);
    endpoints.set(delivery.endpoint.id, { endpoint: delivery.endpoint, succeeded: (seen?.succeeded ?? false) || attempt.error === null });
  });
  for (const { endpoint, succeeded } of endpoints.values()) {
    if (succeeded) {
      if (endpoint.failingSince) await db.webhookEndpoint.updateMany({ where: { id: endpoint.id }, data: { failingSince: null } });
    } else {
      await noteFailure(db, endpoint, now);
    }
  }
}

// A run of failures starts the endpoint's clock; three days of it without one success disables it.
async function noteFailure(db: Db, endpoint: { id: string; tenantId: string | null; url: string; failingSince: Date | null }, now: Date) {
  if (!endpoint.failingSince) {
    await db.webhookEndpoint.updateMany({ where: { id: endpoint.id, failingSince: null }, data: { failingSince: now } });
    return;
  }
  if (now.getTime() - endpoint.failingSince.getTime() < DISABLE_AFTER_FAILING_MS) return;
  const reason = `Disabled on ${now.toISOString().slice(0, 10)}: every delivery failed for 3 days. Fix the receiver, then enable it again.`;
  const { count } = await db.webhookEndpoint.updateMany({
    where: { id: endpoint.id, enabled: true },
    data: { enabled: false, disabledReason: reason },
  });
  if (count === 0) return;
  log.warn("webhook endpoint disabled after 3 days of failures", { endpointId: endpoint.id, tenantId: endpoint.tenantId });
  if (endpoint.tenantId) {
    await recordAuditEvent(db, {
      tenantId: endpoint.tenantId,
      subject: `webhook:${endpoint.id}`,
      actorLabel: SYSTEM_ACTOR,
      action: "webhook_endpoint",
      outcome: "failure",
      detail: `Webhook endpoint ${endpoint.url} disabled: every delivery failed for 3 days`,
    });
  }
}
