// A batch outcome in the few words an operator's log line and a metric label may carry: the HTTP
// status HubSpot answered (or timeout/network/bad-response when there was none) and HubSpot's
// error category. Never the reason text: HubSpot quotes the rejected email addresses in it.
import type { BatchOutcome } from "./push-batch";

export interface OutcomeSummary {
  status: string;
  category: string;
}

// "CATEGORY: text" is how push-batch's readableReason starts every reason it builds.
const CATEGORY_PREFIX = /^([A-Z][A-Z0-9_]{1,60}|HTTP \d{3}):/;

export function describeOutcome(outcome: BatchOutcome): OutcomeSummary {
  switch (outcome.kind) {
    case "done":
      return { status: outcome.rejected.size > 0 ? "207" : "200", category: "OK" };
    case "rate-limited":
      return { status: "429", category: "RATE_LIMITS" };
    case "unauthorized":
      return { status: "401", category: categoryOf(outcome.reason) };
    case "missing-scope":
      return { status: "403", category: "MISSING_SCOPES" };
    case "batch-rejected":
      return { status: "400", category: "VALIDATION_ERROR" };
    case "transient":
      return transientSummary(outcome.reason);
  }
}

function transientSummary(reason: string): OutcomeSummary {
  if (reason.startsWith("HubSpot did not answer")) return { status: "timeout", category: "TIMEOUT" };
  if (reason.startsWith("Could not reach HubSpot")) return { status: "network", category: "NETWORK" };
  if (reason.includes("unexpected shape")) return { status: "bad-response", category: "BAD_RESPONSE" };
  const category = categoryOf(reason);
  const httpStatus = reason.match(/^HTTP (\d{3}):/)?.[1];
  return { status: httpStatus ?? "5xx", category };
}

function categoryOf(reason: string): string {
  return reason.match(CATEGORY_PREFIX)?.[1] ?? "UNKNOWN";
}
