// Transport for POST /api/subscribe/{tenantSlug}: status codes, CORS and throttling around
// submitSignup. Kept apart from the route file so tests and the bench can drive it directly.
import type { Db } from "@/lib/db/create-client";
import { cachedPublicTenant } from "./cached-public-tenant";
import { checkOrigin, corsHeaders, preflightHeaders } from "./cors";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { consumeSignupAllowance } from "./intake-rate-limiter";
import { readSignupBody } from "./read-signup-body";
import { submitSignup } from "./submit-signup";

export interface SubscribeContext {
  db: Db;
  databaseUrl: string;
  appUrl: string;
}

export async function handleSubscribe(request: Request, tenantSlug: string, context: SubscribeContext): Promise<Response> {
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
  const outcome = await submitSignup(context.db, tenant, body.fields);
  if (outcome.kind === "invalid") {
    return json(422, { error: "validation_failed", message: "Some fields need attention.", fieldErrors: outcome.fieldErrors }, headers);
  }
  // A plain HTML form on the tenant's site navigates here; send the visitor to a thank-you page.
  if (wantsHtml(request)) {
    return new Response(null, { status: 303, headers: { ...headers, Location: `${context.appUrl}/subscribe/${tenant.slug}?subscribed=1` } });
  }
  return json(202, { id: outcome.id, status: "accepted" }, headers);
}

export async function handleSubscribePreflight(request: Request, tenantSlug: string, context: SubscribeContext): Promise<Response> {
  const tenant = await cachedPublicTenant(context.db, tenantSlug);
  if (!tenant) return new Response(null, { status: 404 });
  const verdict = checkOrigin(request, tenant.allowedOrigins, new URL(context.appUrl).origin);
  return new Response(null, { status: 204, headers: preflightHeaders(request, verdict) });
}

function wantsHtml(request: Request): boolean {
  const contentType = request.headers.get("content-type") ?? "";
  const accept = request.headers.get("accept") ?? "";
  return !contentType.includes("json") && accept.includes("text/html");
}

function errorCode(status: 400 | 413 | 415): string {
  return status === 413 ? "payload_too_large" : status === 415 ? "unsupported_media_type" : "bad_request";
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...headers, "Cache-Control": "no-store" } });
}
