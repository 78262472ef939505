// One batch upsert by email (≤ 100 signups) and what it meant for each signup. Upsert by email
// is idempotent, so repeating a batch after a crash or timeout never creates a second contact.
import type { Client } from "@hubspot/api-client";
import type { ClaimedSignup } from "./claim-signups";
import { readableReason, sdkFailureSchema, upsertResponseSchema } from "./upsert-response";

export type BatchOutcome =
  | { kind: "done"; synced: Map<string, string>; rejected: Map<string, string>; unanswered: ClaimedSignup[] }
  | { kind: "rate-limited"; retryAfterMs: number }
  | { kind: "transient"; reason: string }
  | { kind: "unauthorized"; reason: string }
  | { kind: "missing-scope"; reason: string }
  | { kind: "batch-rejected"; reason: string };

export async function pushBatch(client: Client, signups: ClaimedSignup[], timeoutMs: number): Promise<BatchOutcome> {
  const inputs = signups.map((signup) => {
    // Only send what we know: an absent first name must not wipe one HubSpot already has.
    const properties: Record<string, string> = { email: signup.email };
    if (signup.firstName) properties.firstname = signup.firstName;
    return { id: signup.email, idProperty: "email", properties };
  });
  let response: unknown;
  try {
    response = await withTimeout(client.crm.contacts.batchApi.upsert({ inputs }), timeoutMs);
  } catch (error) {
    return classifyFailure(error);
  }
  const parsed = upsertResponseSchema.safeParse(response);
  if (!parsed.success) return { kind: "transient", reason: "HubSpot answered the batch upsert with an unexpected shape" };
  const synced = new Map<string, string>();
  for (const result of parsed.data.results) {
    const email = result.properties?.email?.trim().toLowerCase();
    if (email) synced.set(email, result.id);
  }
  const rejected = new Map<string, string>();
  for (const error of parsed.data.errors ?? []) {
    for (const id of error.context?.ids ?? []) rejected.set(id.trim().toLowerCase(), readableReason(error.message, error.category));
  }
  const unanswered = signups.filter((signup) => !synced.has(signup.emailNormalized) && !rejected.has(signup.emailNormalized));
  return { kind: "done", synced, rejected, unanswered };
}

function classifyFailure(error: unknown): BatchOutcome {
  if (error instanceof TimeoutError) return { kind: "transient", reason: `HubSpot did not answer within ${error.ms} ms` };
  const failure = sdkFailureSchema.safeParse(error);
  if (!failure.success) {
    return { kind: "transient", reason: `Could not reach HubSpot: ${error instanceof Error ? error.message : "network error"}`.slice(0, 300) };
  }
  const { code, body, headers } = failure.data;
  const reason = readableReason(body?.message, body?.category ?? `HTTP ${code}`);
  if (code === 429) return { kind: "rate-limited", retryAfterMs: retryAfterMs(headers) };
  if (code === 401) return { kind: "unauthorized", reason };
  if (code === 403) return body?.category === "MISSING_SCOPES" ? { kind: "missing-scope", reason } : { kind: "unauthorized", reason };
  // Only HubSpot saying the *data* is invalid is a verdict on these contacts. Anything else (a 404
  // from a misconfigured base URL, an unexpected 4xx) is our problem or HubSpot's: retry later
  // rather than fail every signup in the batch.
  if (code === 400 && body?.category === "VALIDATION_ERROR") return { kind: "batch-rejected", reason };
  return { kind: "transient", reason };
}

// Retry-After is undocumented for HubSpot; without it, wait out most of the 10 s rolling window.
function retryAfterMs(headers: Record<string, string> | undefined): number {
  const seconds = Number(headers?.["retry-after"]);
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds * 1000, 60_000) : 2_000;
}

class TimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`timed out after ${ms} ms`);
  }
}

// The SDK has no per-call timeout; an abandoned request that later succeeds is harmless (idempotent).
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(ms)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
