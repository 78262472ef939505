// The one classification of HubSpot failures. Every call (OAuth, CRM, the signup sync) turns a
// reply or a transport error into a HubspotFailure here, and failureToError maps it onto the
// provider-neutral error kinds of ../errors for callers that throw.
import { z } from "zod";
import { AccessTokenRejectedError, InvalidGrantError, ProviderResponseError, ProviderUnavailableError } from "../errors";
import { HubspotTransportError, type HubspotReply } from "./hubspot-http";
import { DAILY_LIMIT_PAUSE_MS } from "./rate-policy";

export type HubspotFailure =
  /** 429: `daily` when the account's daily allowance is spent (private apps). */
  | { kind: "rate-limited"; reason: string; waitMs: number; daily: boolean }
  /** 5xx, 423 Locked, a 403 that is not about scopes, timeouts, network errors: trying again later may work. */
  | { kind: "transient"; reason: string; minDelayMs: number }
  /** The token endpoint refused the code or refresh token: the grant is gone. */
  | { kind: "invalid-grant"; reason: string }
  /** 401: this access token is no longer accepted. */
  | { kind: "token-rejected"; reason: string }
  | { kind: "missing-scope"; reason: string }
  /** 400/409/422: a verdict on the data sent (invalid address, address owned by another contact). */
  | { kind: "invalid-data"; reason: string; status: number }
  /** Any other answer (404 from a wrong base URL, an unusable body): ours or HubSpot's problem. */
  | { kind: "unexpected"; reason: string; status: number };

// 423 Locked: HubSpot asks for "a delay of at least 2 seconds".
export const LOCKED_MIN_DELAY_MS = 2_000;
const DEFAULT_RATE_WINDOW_MS = 10_000;

const errorBodySchema = z.looseObject({
  status: z.string().optional(),
  category: z.string().optional(),
  message: z.string().optional(),
  policyName: z.string().optional(),
  error: z.string().optional(),
});

export function parseErrorBody(body: unknown): z.infer<typeof errorBodySchema> {
  const parsed = errorBodySchema.safeParse(body);
  return parsed.success ? parsed.data : {};
}

const GRANT_STATUSES = new Set(["BAD_REFRESH_TOKEN", "BAD_AUTH_CODE", "BAD_REDIRECT_URI"]);

export function classifyReply(reply: HubspotReply, operation: string): HubspotFailure {
  const { status } = reply;
  const body = parseErrorBody(reply.body);
  const label = body.category ?? body.error ?? `HTTP ${status}`;
  if (body.error === "invalid_grant" || (body.status && GRANT_STATUSES.has(body.status))) {
    return { kind: "invalid-grant", reason: `HubSpot rejected the grant during ${operation} (invalid_grant)` };
  }
  if (status === 429) {
    const daily = body.policyName === "DAILY";
    const waitMs = daily ? DAILY_LIMIT_PAUSE_MS : (retryAfterMs(reply.headers) ?? reply.rateLimit?.windowMs ?? DEFAULT_RATE_WINDOW_MS);
    return { kind: "rate-limited", reason: `HubSpot rate limit reached (${body.policyName ?? "429"}) during ${operation}`, waitMs, daily };
  }
  if (status >= 500 || status === 423) {
    return {
      kind: "transient",
      reason: `HubSpot is unavailable for ${operation} (HTTP ${status}${body.category ? `, ${body.category}` : ""})`,
      minDelayMs: status === 423 ? LOCKED_MIN_DELAY_MS : 0,
    };
  }
  if (status === 401) return { kind: "token-rejected", reason: `HubSpot rejected the access token during ${operation} (${label})` };
  if (status === 403) {
    if (body.category === "MISSING_SCOPES") return { kind: "missing-scope", reason: `HubSpot refused ${operation}: MISSING_SCOPES (403)` };
    // Not a token problem (HubSpot's usage guidelines): retried later with backoff, never a refresh.
    return { kind: "transient", reason: `HubSpot refused ${operation} (${label}, 403)`, minDelayMs: 0 };
  }
  if (status === 400 || status === 409 || status === 422) {
    return { kind: "invalid-data", reason: readableReason(body.message, label), status };
  }
  return {
    kind: "unexpected",
    reason: `HubSpot answered ${operation} with HTTP ${status}${body.category ? ` (${body.category})` : ""}`,
    status,
  };
}

export function classifyTransportError(error: unknown, operation: string): HubspotFailure {
  if (error instanceof HubspotTransportError) return { kind: "transient", reason: `${error.message} (${operation})`, minDelayMs: 0 };
  throw error;
}

/** For callers that throw: the error kinds pages and flows tell apart. */
export function failureToError(failure: HubspotFailure): Error {
  switch (failure.kind) {
    case "invalid-grant":
      return new InvalidGrantError(failure.reason);
    case "token-rejected":
      return new AccessTokenRejectedError(failure.reason);
    case "rate-limited":
    case "transient":
      return new ProviderUnavailableError(failure.reason);
    default:
      return new ProviderResponseError(failure.reason);
  }
}

/** Retry-After in seconds (HubSpot does not document it; honour it when present). */
function retryAfterMs(headers: Headers): number | undefined {
  const seconds = Number(headers.get("retry-after"));
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds * 1000, 60 * 60_000) : undefined;
}

/** HubSpot's "Property values were not valid: [{…"message":"Email address x is invalid"…}]" → the inner message. */
export function readableReason(message: string | undefined, category: string | undefined): string {
  const inner = message?.match(/"message":"((?:[^"\\]|\\.)*)"/)?.[1];
  const text = (inner ?? message ?? "HubSpot rejected this contact").replace(/\\"/g, '"');
  return `${category ?? "ERROR"}: ${text}`.slice(0, 500);
}
