import { setTimeout as delay } from "node:timers/promises";
import type { SimulatorConfig } from "../config";
import type { WebhookDelivery } from "../state/webhook-deliveries";
import { signedHeaders } from "./signature";

// Sends one batch of events to the app as HubSpot does: a JSON array POSTed to the target URL,
// signed v3 with the client secret, retried on any non-2xx answer, connection failure or timeout.
// HubSpot retries up to 10 times over 24 hours; here a few quick retries (config
// webhookMaxAttempts, webhookRetryDelayMs doubling, webhookTimeoutMs) keep tests fast.
// Each retry carries attemptNumber + 1 and a fresh timestamp and signature.

export async function deliver(delivery: WebhookDelivery, config: SimulatorConfig): Promise<WebhookDelivery> {
  const uri = new URL(delivery.targetUrl).href;
  for (let attemptNumber = 0; attemptNumber < config.webhookMaxAttempts; attemptNumber++) {
    if (attemptNumber > 0) await delay(config.webhookRetryDelayMs * 2 ** (attemptNumber - 1));
    const body = JSON.stringify(delivery.events.map((event) => ({ ...event, attemptNumber })));
    const started = performance.now();
    const attempt: WebhookDelivery["attempts"][number] = { attemptNumber, time: new Date().toISOString(), status: null, durationMs: 0 };
    delivery.attempts.push(attempt);
    try {
      const response = await fetch(uri, {
        method: "POST",
        headers: signedHeaders(config.clientSecret, uri, body),
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(config.webhookTimeoutMs),
      });
      await response.arrayBuffer().catch(() => undefined);
      attempt.status = response.status;
    } catch (error) {
      attempt.error = (error as Error).name === "TimeoutError" ? `no answer within ${config.webhookTimeoutMs} ms` : "connection failed";
    }
    attempt.durationMs = Math.round((performance.now() - started) * 10) / 10;
    if (attempt.status !== null && attempt.status >= 200 && attempt.status < 300) {
      delivery.state = "delivered";
      return delivery;
    }
    // Only the delivery id, attempt and outcome: never a payload (personal data) or signature.
    console.warn(`[hubspot-sim] webhook delivery ${delivery.id} attempt ${attemptNumber} failed: ${attempt.status ?? attempt.error}`);
  }
  delivery.state = "failed";
  return delivery;
}
