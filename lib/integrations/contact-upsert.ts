// What the signup sync asks of a CRM provider and what it gets back: provider-neutral, so the
// sync holds no HubSpot wire detail. Every input carries a trace id (the signup id) that the
// provider uses to say which input each result or rejection belongs to.

export type ContactUpsertInput = {
  traceId: string;
  email: string;
  firstName?: string | null;
  /** More of the contact's properties by the CRM's own names (the tenant's mapped form fields), non-empty values only. */
  properties?: Readonly<Record<string, string>>;
};

/** How much a portal allows, as the provider announced it on its last answer. */
export type RateLimitObservation = {
  maxPerWindow: number;
  windowMs: number;
  remaining?: number;
  daily?: number;
  dailyRemaining?: number;
};

export type ContactUpsertOutcome =
  /** Per-input answers, keyed by trace id; inputs in neither map were not mentioned. */
  | { kind: "answered"; synced: Map<string, string>; rejected: Map<string, string> }
  /** The whole batch was refused for its data (one bad input fails all): isolate the culprit. */
  | { kind: "batch-rejected"; reason: string }
  | { kind: "rate-limited"; reason: string; waitMs: number; daily: boolean }
  | { kind: "transient"; reason: string; minDelayMs: number }
  | { kind: "token-rejected"; reason: string }
  | { kind: "missing-scope"; reason: string }
  /** An answer that says nothing about the contacts (wrong URL, unusable body): retried, bounded. */
  | { kind: "unexpected"; reason: string };

/** The outcome, the portal's limits as announced, and for operators the HTTP status (null: no
 * answer at all) and the provider's error category, when it named one. */
export type ContactUpsertReply = {
  outcome: ContactUpsertOutcome;
  rateLimit: RateLimitObservation | null;
  httpStatus: number | null;
  errorCategory?: string;
};
