// The process's Prometheus metrics (prom-client): one registry per process (this package is loaded
// once per process, see next.config.ts), which the intake, the sync, the webhook deliveries and /metrics share.
import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

export interface SwitchboardMetrics {
  registry: Registry;
  intakeAnswers: Counter<"outcome" | "status">;
  syncCalls: Counter<"status">;
  contactsSynced: Counter;
  contactsFailed: Counter;
  rateLimitPauses: Counter;
  tokenRefreshes: Counter<"outcome">;
  claimLag: Histogram;
  webhookAttempts: Counter<"outcome" | "answer">;
  webhookLatency: Histogram;
}

let current: SwitchboardMetrics | undefined;

export function metrics(): SwitchboardMetrics {
  current ??= createMetrics();
  return current;
}

function createMetrics(): SwitchboardMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "switchboard_" });
  const registers = [registry];
  return {
    registry,
    intakeAnswers: new Counter({
      name: "switchboard_intake_answers_total",
      help: "Public signup API answers: accepted (stored) or refused, by HTTP status",
      labelNames: ["outcome", "status"],
      registers,
    }),
    syncCalls: new Counter({
      name: "switchboard_sync_hubspot_calls_total",
      help: "HubSpot batch upsert calls made by the signup sync, by HTTP status (timeout/network when there was none)",
      labelNames: ["status"],
      registers,
    }),
    contactsSynced: new Counter({
      name: "switchboard_sync_contacts_synced_total",
      help: "Signups HubSpot confirmed as contacts",
      registers,
    }),
    contactsFailed: new Counter({ name: "switchboard_sync_contacts_failed_total", help: "Signups HubSpot rejected for good", registers }),
    rateLimitPauses: new Counter({ name: "switchboard_sync_rate_limit_pauses_total", help: "429 answers that paused a portal", registers }),
    tokenRefreshes: new Counter({
      name: "switchboard_token_refreshes_total",
      help: "Access token refreshes, by outcome",
      labelNames: ["outcome"],
      registers,
    }),
    claimLag: new Histogram({
      name: "switchboard_sync_claim_lag_seconds",
      help: "From a signup's arrival to its first claim by a sync worker",
      buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 1800, 3600],
      registers,
    }),
    webhookAttempts: new Counter({
      name: "switchboard_webhook_attempts_total",
      help: "Webhook delivery attempts by outcome (delivered, retrying, gave_up) and answer (HTTP status, timeout, network, refused_url)",
      labelNames: ["outcome", "answer"],
      registers,
    }),
    webhookLatency: new Histogram({
      name: "switchboard_webhook_attempt_seconds",
      help: "How long receivers took to answer a webhook delivery attempt",
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
  };
}

/** Intake's answer, counted by outcome (2xx/3xx: the signup is stored), and handed back unchanged. */
export function countIntakeAnswer<T extends { status: number }>(answer: T): T {
  metrics().intakeAnswers.inc({ outcome: answer.status < 400 ? "accepted" : "refused", status: String(answer.status) });
  return answer;
}

/** One recorded webhook delivery attempt. */
export function countWebhookAttempt(outcome: "delivered" | "retrying" | "gave_up", answer: string, latencyMs: number): void {
  const current = metrics();
  current.webhookAttempts.inc({ outcome, answer });
  current.webhookLatency.observe(latencyMs / 1000);
}
