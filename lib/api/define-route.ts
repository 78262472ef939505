// THE wrapper of every /api/v1 route: Bearer key → rate limit → scope → path, query and body through
// zod (unknown fields refused) → the handler, whose result is shaped by the documented response
// schema. Every refusal is an RFC 9457 problem; anything unexpected is logged and answered with a
// generic 500. The same spec feeds the OpenAPI document (lib/api/openapi.ts), so the document
// describes exactly what the route accepts and returns.
import { z } from "zod";
import { AppError } from "@/lib/app-error";
import { authenticateApiKey, type ApiCaller } from "@/lib/api-keys/authenticate-api-key";
import type { ApiScope } from "@/lib/api-keys/scopes";
import type { Db } from "@/lib/db/create-client";
import type { Store } from "@/lib/db/store";
import { log } from "@/lib/log";
import type { PeopleActor } from "@/lib/people/people-actor";
import { processRuntime } from "@/lib/runtime/process-runtime";
import type { Runtime } from "@/lib/runtime/runtime";
import { apiLimiter, consumeApiAllowance, rateLimitHeaders } from "./api-rate-limiter";
import { INTERNAL_PROBLEM, problemOf, problemResponse } from "./problem";
import { readJsonBody } from "./read-json-body";

type AnyObject = z.ZodObject<z.ZodRawShape>;
type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;

export type RouteSpec<
  P extends AnyObject | undefined,
  Q extends AnyObject | undefined,
  B extends AnyObject | undefined,
  R extends z.ZodType | undefined,
> = {
  method: "get" | "post" | "patch" | "delete";
  /** OpenAPI style: /api/v1/connections/{connectionId} */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** null: any valid key may call it. */
  scope: ApiScope | null;
  params?: P;
  query?: Q;
  body?: B;
  response: { status: 200 | 201 | 202 | 204; description: string; schema?: R };
  /** Problem statuses beyond the ones every route can answer (401, 403, 413, 415, 422, 429). */
  problems?: (404 | 409 | 503)[];
};

export type RouteInput<P, Q, B> = { params: Infer<P>; query: Infer<Q>; body: Infer<B> };
/** `actor` is the key as the domain functions audit it: every change made through /api/v1 is in the
 * tenant's activity under the key's name and id. A key acts with full authority over what its
 * scopes reach (an operator key may even invite an OWNER). */
export type RouteContext = {
  caller: ApiCaller;
  actor: PeopleActor;
  db: Db;
  store: Store;
  runtime: Runtime;
  request: Request;
  /** Who is calling with the key: the host's backend (/api/v1) or an agent (/api/v1/mcp). */
  channel: "api" | "agent";
};

/** What a handler is given for an authenticated caller (the MCP endpoint builds the same). */
export function routeContext(
  caller: ApiCaller,
  runtime: Runtime,
  request: Request,
  channel: RouteContext["channel"] = "api",
): RouteContext {
  return { caller, actor: apiKeyActor(caller), db: runtime.db, store: runtime.store, runtime, request, channel };
}
type NextContext = { params: Promise<Record<string, string | string[]>> };

export type ApiRoute = {
  spec: RouteSpec<AnyObject | undefined, AnyObject | undefined, AnyObject | undefined, z.ZodType | undefined>;
  /** What Next calls: the request served with the process's runtime. */
  handle: (request: Request, context?: NextContext) => Promise<Response>;
  /** The same with a runtime of the caller's (tests: one per database). */
  serve: (runtime: Runtime, request: Request, context?: NextContext) => Promise<Response>;
  /** The operation itself for an already authenticated caller (the MCP endpoint's tools): parts
   * checked against the same schemas, the result shaped by the response schema; refusals throw AppError. */
  invoke: (context: RouteContext, parts: RouteParts) => Promise<unknown>;
};

export type RouteParts = { params?: unknown; query?: unknown; body?: unknown };

export function defineRoute<
  P extends AnyObject | undefined,
  Q extends AnyObject | undefined,
  B extends AnyObject | undefined,
  R extends z.ZodType | undefined,
>(
  spec: RouteSpec<P, Q, B, R>,
  handler: (input: RouteInput<P, Q, B>, context: RouteContext) => Promise<R extends z.ZodType ? z.input<R> : void>,
): ApiRoute {
  // Unknown fields are refused everywhere (422), and the document says so (additionalProperties: false).
  spec = { ...spec, params: spec.params?.strict() as P, query: spec.query?.strict() as Q, body: spec.body?.strict() as B };
  const invoke = async (context: RouteContext, parts: RouteParts): Promise<unknown> => {
    const { caller } = context;
    if (spec.scope && !caller.scopes.has(spec.scope)) throw new AppError("forbidden", `This API key lacks the scope ${spec.scope}.`);
    const params = parsePart(spec.params, parts.params ?? {}, "path");
    const query = parsePart(spec.query, parts.query ?? {}, "query");
    const body = spec.body ? parsePart(spec.body, parts.body, "body") : undefined;
    const result = await handler({ params, query, body } as RouteInput<P, Q, B>, context);
    return spec.response.schema ? spec.response.schema.parse(result) : undefined;
  };
  const serve = async (runtime: Runtime, request: Request, context?: NextContext): Promise<Response> => {
    const { db, store, env } = runtime;
    let headers: Record<string, string> = {};
    try {
      const caller = await authenticateApiKey(db, request.headers.get("authorization"));
      const verdict = await consumeApiAllowance(
        apiLimiter(store, env.API_RATE_LIMIT_POINTS, env.API_RATE_LIMIT_WINDOW_SECONDS),
        caller.keyId,
      );
      headers = rateLimitHeaders(verdict);
      if (!verdict.allowed) {
        throw new AppError("rate_limited", `This API key made too many requests; try again in ${verdict.resetSeconds} s.`);
      }
      const parts: RouteParts = {
        params: (await context?.params) ?? {},
        query: Object.fromEntries(new URL(request.url).searchParams),
        body: spec.body ? await readJsonBody(request) : undefined,
      };
      const result = await invoke(routeContext(caller, runtime, request), parts);
      if (!spec.response.schema)
        return new Response(null, { status: spec.response.status, headers: { ...headers, "Cache-Control": "no-store" } });
      return json(spec.response.status, result, headers);
    } catch (error) {
      if (error instanceof AppError) {
        // A limit of the domain (e.g. invitations per address) says when to come back, as the key's own limit does.
        const retryAfter = error.details.retryAfterSeconds;
        return problemResponse(problemOf(error), retryAfter ? { ...headers, "Retry-After": String(retryAfter) } : headers);
      }
      log.error("api request failed", { operation: spec.operationId, error });
      return problemResponse(INTERNAL_PROBLEM, headers);
    }
  };
  const handle = (request: Request, context?: NextContext) => serve(processRuntime(), request, context);
  return { spec: spec as ApiRoute["spec"], handle, serve, invoke };
}

function apiKeyActor(caller: ApiCaller): PeopleActor {
  return { userId: null, label: caller.label, role: "OWNER" };
}

// Path parameters that do not parse name nothing that exists: 404, like an unknown id.
function parsePart(schema: AnyObject | undefined, value: unknown, part: "path" | "query" | "body"): unknown {
  if (!schema) return undefined;
  // PostgreSQL refuses NUL in text, and no field of this API needs one: refuse it up front (not a 500).
  if (JSON.stringify(value).includes("\\u0000")) {
    if (part === "path") throw AppError.notFound();
    throw new AppError("invalid_input", "Text may not contain NUL characters.", { fieldErrors: { [part]: ["Contains a NUL character."] } });
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  if (part === "path") throw AppError.notFound();
  throw AppError.invalidInput(parsed.error, part === "query" ? "Some query parameters need attention." : "Some fields need attention.");
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...headers, "Content-Type": "application/json", "Cache-Control": "no-store" },
  });
}
