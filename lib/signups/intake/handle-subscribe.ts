// The public signup API and the public form, in terms of the transport-neutral intake exchange:
// status codes, CORS and throttling around one submit path (validation, bot check, durable write).
// The App Router route and the production server's direct path both call answerSubscribe /
// answerSubscribePreflight; the form's server action calls submitSignup. Refusals are AppErrors; the
// API's documented answers (embedded forms depend on them) are built from them in intakeAnswerOf.
import { AppError, fieldErrorsOf, type AppErrorCode } from "@/lib/app-error";
import { clientIpFrom } from "@/lib/http/client-ip";
import type { Store } from "@/lib/db/store";
import type { Runtime } from "@/lib/runtime/runtime";
import { log } from "@/lib/log";
import { countIntakeAnswer } from "@/lib/metrics/registry";
import { signupFieldValuesSchema } from "../fields/field-values";
import type { SignupFields } from "../fields/signup-fields";
import { isHoneypotFilled, signupInputSchema } from "../signup-input";
import { readSignupBody, type IntakeAnswer, type IntakeRequest } from "./intake-exchange";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { consumeSignupAllowance, signupLimiter } from "./intake-rate-limiter";
import { cachedPublicTenant, checkOrigin, corsHeaders, preflightHeaders } from "./public-tenant";
import type { ConfirmationMailing } from "../consent/double-opt-in";
import { newSignupId, recordSignup, type SignupTenant } from "./record-signup";

export interface SubscribeContext {
  store: Store;
  /** Per client address and tenant (intake-rate-limiter.ts). */
  limiter: RateLimiterAbstract;
  appUrl: string;
  /** How double opt-in mails go out. */
  confirmationMailing: ConfirmationMailing;
}

/** POST: never throws; anything unexpected is logged and answered 503 (retryable), never a stack. */
export async function answerSubscribe(request: IntakeRequest, tenantSlug: string, context: SubscribeContext): Promise<IntakeAnswer> {
  try {
    return countIntakeAnswer(await handleSubscribe(request, tenantSlug, context));
  } catch (error) {
    log.error("signup intake failed", { tenantSlug, error });
    return countIntakeAnswer(intakeAnswerOf(new AppError("unavailable", "We could not take your signup right now; please try again."), {}));
  }
}

/** OPTIONS (CORS preflight): never throws either. */
export async function answerSubscribePreflight(
  request: IntakeRequest,
  tenantSlug: string,
  context: SubscribeContext,
): Promise<IntakeAnswer> {
  try {
    const tenant = await cachedPublicTenant(context.store.db, tenantSlug);
    if (!tenant) return { status: 404, headers: {} };
    const verdict = checkOrigin(request, tenant.allowedOrigins, new URL(context.appUrl).origin);
    return { status: 204, headers: preflightHeaders(request, verdict) };
  } catch (error) {
    log.error("signup preflight failed", { tenantSlug, error });
    return { status: 503, headers: {} };
  }
}

async function handleSubscribe(request: IntakeRequest, tenantSlug: string, context: SubscribeContext): Promise<IntakeAnswer> {
  let headers: Record<string, string> = {};
  try {
    const tenant = await cachedPublicTenant(context.store.db, tenantSlug);
    if (!tenant) throw new AppError("not_found", "No signup form exists at this address.");
    const verdict = checkOrigin(request, tenant.allowedOrigins, new URL(context.appUrl).origin);
    headers = corsHeaders(request, verdict);
    if (verdict === "forbidden") throw new AppError("forbidden", "This website may not submit signups for this newsletter.");
    await assertSignupAllowance(
      context.limiter,
      tenant.id,
      clientIpFrom(request.headers),
      (seconds) => `Too many signups from this address; try again in ${seconds} s.`,
    );
    const body = await readSignupBody(request);
    if (!body.ok) {
      // 422 (e.g. nesting too deep) answers like every other refused field set: fieldErrors as they come.
      throw body.status === 422
        ? new AppError("invalid_input", body.message, { fieldErrors: { body: [body.message] } })
        : new AppError(BODY_ERRORS[body.status], body.message);
    }
    const { id } = await submitSignup(context.store, tenant, body.fields, context.confirmationMailing);
    // A plain HTML form on the tenant's site navigates here; send the visitor to a thank-you page.
    if (wantsHtml(request)) {
      return { status: 303, headers: { ...headers, Location: `${context.appUrl}/subscribe/${tenant.slug}?subscribed=1` } };
    }
    return json(202, { id, status: "accepted" }, headers);
  } catch (error) {
    if (error instanceof AppError) return intakeAnswerOf(error, headers);
    throw error;
  }
}

/** One signup allowance per tenant and client address, for the API and the public form alike. */
export async function assertSignupAllowance(
  limiter: RateLimiterAbstract,
  tenantId: string,
  ip: string | null,
  message: (seconds: number) => string,
): Promise<void> {
  const allowance = await consumeSignupAllowance(limiter, tenantId, ip ?? "unknown");
  if (!allowance.allowed)
    throw new AppError("rate_limited", message(allowance.retryAfterSeconds), { retryAfterSeconds: allowance.retryAfterSeconds });
}

// The documented error codes of the public API where they differ from the AppError's own.
const PUBLIC_CODES: Partial<Record<AppErrorCode, string>> = { invalid_input: "validation_failed", forbidden: "origin_not_allowed" };
const BODY_ERRORS = { 400: "bad_request", 413: "payload_too_large", 415: "unsupported_media_type" } as const;

/** The public API's documented answer for a refusal: the AppError's status, its documented code,
 * the message, the messages per field, and Retry-After when the refusal says when to come back. */
function intakeAnswerOf(error: AppError, headers: Record<string, string>): IntakeAnswer {
  const retryAfter = error.details.retryAfterSeconds;
  return json(
    error.status,
    {
      error: PUBLIC_CODES[error.code] ?? error.code,
      message: error.message,
      ...(error.details.fieldErrors ? { fieldErrors: error.details.fieldErrors } : {}),
    },
    retryAfter ? { ...headers, "Retry-After": String(retryAfter) } : headers,
  );
}

function wantsHtml(request: IntakeRequest): boolean {
  const contentType = request.headers.get("content-type") ?? "";
  const accept = request.headers.get("accept") ?? "";
  return !contentType.includes("json") && accept.includes("text/html");
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): IntakeAnswer {
  return { status, json: body, headers: { ...headers, "Cache-Control": "no-store" } };
}

/** The app's own context: its database store, its signup limiter, and its public address (for
 * CORS and the thank-you redirect). */
export function appSubscribeContext(runtime: Pick<Runtime, "store" | "env" | "mailer">): SubscribeContext {
  const { store, env, mailer } = runtime;
  return {
    store,
    limiter: signupLimiter(store, { points: env.SIGNUP_RATE_LIMIT_POINTS, windowSeconds: env.SIGNUP_RATE_LIMIT_WINDOW_SECONDS }),
    appUrl: env.APP_URL,
    confirmationMailing: { mailer, appUrl: env.APP_URL },
  };
}

/** Stores a valid signup and returns its id; bad fields throw an invalid_input AppError. */
export async function submitSignup(
  store: Store,
  tenant: SignupTenant & { signupFields: SignupFields },
  fields: Record<string, unknown>,
  mailing?: ConfirmationMailing,
): Promise<{ id: string }> {
  // Validation first: were the trap checked before it, a bot could fill fields one at a time and
  // see which one turns a 422 into a 202. Every field's problems come back at once.
  const parsed = signupInputSchema.safeParse(fields);
  const answers = signupFieldValuesSchema(tenant.signupFields, "drop").safeParse(fields);
  if (!parsed.success || !answers.success) {
    const fieldErrors = { ...(parsed.error ? fieldErrorsOf(parsed.error) : {}), ...(answers.error ? fieldErrorsOf(answers.error) : {}) };
    throw new AppError("invalid_input", "Some fields need attention.", { fieldErrors });
  }
  // A bot gets exactly what a person gets (a fresh id, like every accepted signup), so it cannot
  // learn that it was caught.
  if (isHoneypotFilled(fields)) return { id: newSignupId() };
  return recordSignup(store, tenant, { ...parsed.data, ...answers.data }, mailing);
}
