// What an operator sees of each HubSpot call the sync makes: counters for Prometheus, the
// connection's hourly health on its card, and a warn line for every call that failed — portal, HTTP
// status, category, attempt; never a token, an email or HubSpot's own text (it quotes addresses).
import { log } from "@/lib/log";
import type { ContactUpsertReply } from "@/lib/integrations/provider";
import { metrics } from "@/lib/metrics/registry";
import type { ClaimedSignup } from "./claim-signups";
import type { Destination } from "./destination";
import type { SyncDeps } from "./sync-deps";
import { recordSyncHealth } from "./sync-health";

const CATEGORY_BY_KIND = {
  answered: "OK",
  "batch-rejected": "VALIDATION_ERROR",
  "rate-limited": "RATE_LIMITS",
  transient: "TRANSIENT",
  "token-rejected": "TOKEN_REJECTED",
  "missing-scope": "MISSING_SCOPES",
  unexpected: "UNEXPECTED",
} as const;

export async function observeReply(
  deps: SyncDeps,
  destination: Destination,
  batch: ClaimedSignup[],
  reply: ContactUpsertReply,
): Promise<void> {
  const { outcome } = reply;
  const status = reply.httpStatus === null ? "no-answer" : String(reply.httpStatus);
  const category = reply.errorCategory ?? CATEGORY_BY_KIND[outcome.kind];
  const counters = metrics();
  counters.syncCalls.inc({ status });
  const synced = outcome.kind === "answered" ? outcome.synced.size : 0;
  const failed =
    outcome.kind === "answered" ? batch.filter((signup) => outcome.rejected.has(signup.id) && !outcome.synced.has(signup.id)).length : 0;
  counters.contactsSynced.inc(synced);
  counters.contactsFailed.inc(failed);
  if (outcome.kind === "rate-limited") counters.rateLimitPauses.inc();
  if (outcome.kind !== "answered") {
    const attempt = Math.max(...batch.map((signup) => signup.attempts)) + 1;
    log.warn("HubSpot sync call failed", { portalId: destination.portalId, status, category, attempt, contacts: batch.length });
  }
  // A refused batch is bisected: its contacts are counted when their own halves are answered.
  const failedCalls = outcome.kind === "answered" || outcome.kind === "rate-limited" || outcome.kind === "batch-rejected" ? 0 : 1;
  await recordSyncHealth(deps, destination.connectionId, {
    synced,
    failed: failed + failedCalls * batch.length,
    rateLimited: outcome.kind === "rate-limited" ? 1 : 0,
  });
}
