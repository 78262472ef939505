// The public signup API and the public form, in terms of the transport-neutral intake exchange:
// status codes, CORS and throttling around one submit path (validation, bot check, durable write).
// The App Router route and the production server's direct path both call answerSubscribe /
// answerSubscribePreflight; the form's server action calls submitSignup.
import { fieldErrorsOf } from "@/lib/app-error";
import { clientIpFrom } from "@/lib/http/client-ip";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env/server";
import { log } from "@/lib/log";
import { appMailer } from "@/lib/mail/mailer";
import { countIntakeAnswer } from "@/lib/metrics/registry";
import { isHoneypotFilled, signupInputSchema, type SignupFieldErrors } from "../signup-input";
import { readSignupBody, type IntakeAnswer, type IntakeRequest } from "./intake-exchange";
import { consumeSignupAllowance } from "./intake-rate-limiter";
import { cachedPublicTenant, checkOrigin, corsHeaders, preflightHeaders } from "./public-tenant";
import { newSignupId, recordSignup, type SignupStore, type SignupTenant } from "./record-signup";

export interface SubscribeContext extends SignupStore {
  appUrl: string;
}

/** POST: never throws; anything unexpected is logged and answered 503 (retryable), never a stack. */
export async function answerSubscribe(request: IntakeRequest, tenantSlug: string, context: SubscribeContext): Promise<IntakeAnswer> {
  try {
    return countIntakeAnswer(await handleSubscribe(request, tenantSlug, context));
  } catch (error) {
    log.error("signup intake failed", { tenantSlug, error });
    return countIntakeAnswer(json(503, { error: "unavailable", message: "We could not take your signup right now; please try again." }));
  }
}

/** OPTIONS (CORS preflight): never throws either. */
export async function answerSubscribePreflight(request: IntakeRequest, tenantSlug: string, context: SubscribeContext): Promise<IntakeAnswer> {
  try {
    const tenant = await cachedPublicTenant(context.db, tenantSlug);
    if (!tenant) return { status: 404, headers: {} };
    const verdict = checkOrigin(request, tenant.allowedOrigins, new URL(context.appUrl).origin);
    return { status: 204, headers: preflightHeaders(request, verdict) };
  } catch (error) {
    log.error("signup preflight failed", { tenantSlug, error });
    return { status: 503, headers: {} };
  }
}

async function handleSubscribe(request: IntakeRequest, tenantSlug: string, context: SubscribeContext): Promise<IntakeAnswer> {
  const tenant = await cachedPublicTenant(context.db, tenantSlug);
  if (!tenant) return json(404, { error: "not_found", message: "No signup form exists at this address." });
  const verdict = checkOrigin(request, tenant.allowedOrigins, new URL(context.appUrl).origin);
  const headers = corsHeaders(request, verdict);
  if (verdict === "forbidden") {
    return json(403, { error: "origin_not_allowed", message: "This website may not submit signups for this newsletter." }, headers);
  }
  const allowance = await consumeSignupAllowance(context.databaseUrl, tenant.id, clientIpFrom(request.headers) ?? "unknown");
  if (!allowance.allowed) {
    return json(
      429,
      { error: "rate_limited", message: `Too many signups from this address; try again in ${allowance.retryAfterSeconds} s.` },
      { ...headers, "Retry-After": String(allowance.retryAfterSeconds) },
    );
  }
  const body = await readSignupBody(request);
  if (!body.ok) return json(body.status, { error: errorCode(body.status), message: body.message }, headers);
  const outcome = await submitSignup(context, tenant, body.fields);
  if (outcome.kind === "invalid") {
    return json(422, { error: "validation_failed", message: "Some fields need attention.", fieldErrors: outcome.fieldErrors }, headers);
  }
  // A plain HTML form on the tenant's site navigates here; send the visitor to a thank-you page.
  if (wantsHtml(request)) {
    return { status: 303, headers: { ...headers, Location: `${context.appUrl}/subscribe/${tenant.slug}?subscribed=1` } };
  }
  return json(202, { id: outcome.id, status: "accepted" }, headers);
}

function wantsHtml(request: IntakeRequest): boolean {
  const contentType = request.headers.get("content-type") ?? "";
  const accept = request.headers.get("accept") ?? "";
  return !contentType.includes("json") && accept.includes("text/html");
}

function errorCode(status: 400 | 413 | 415): string {
  return status === 413 ? "payload_too_large" : status === 415 ? "unsupported_media_type" : "bad_request";
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): IntakeAnswer {
  return { status, json: body, headers: { ...headers, "Cache-Control": "no-store" } };
}

/** The app's own context: its database client, the URL that picks intake's writer, its public
 * address (for CORS and the thank-you redirect) and the mailer for double opt-in mails. */
export function appSubscribeContext(): SubscribeContext {
  const env = serverEnv();
  return { db, databaseUrl: env.DATABASE_URL, appUrl: env.APP_URL, confirmationMailing: { mailer: appMailer(), appUrl: env.APP_URL } };
}

export type SubmitOutcome =
  | { kind: "accepted"; id: string; confirmationMail: Promise<boolean> }
  | { kind: "invalid"; fieldErrors: SignupFieldErrors };

export async function submitSignup(store: SignupStore, tenant: SignupTenant, fields: Record<string, unknown>): Promise<SubmitOutcome> {
  // Validation first: were the trap checked before it, a bot could fill fields one at a time and
  // see which one turns a 422 into a 202.
  const parsed = signupInputSchema.safeParse(fields);
  if (!parsed.success) return { kind: "invalid", fieldErrors: fieldErrorsOf(parsed.error) as SignupFieldErrors };
  // A bot gets exactly what a person gets (a fresh id, like every accepted signup), so it cannot
  // learn that it was caught.
  if (isHoneypotFilled(fields)) return { kind: "accepted", id: newSignupId(), confirmationMail: Promise.resolve(false) };
  return { kind: "accepted", ...(await recordSignup(store, tenant, parsed.data)) };
}
