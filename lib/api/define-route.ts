// THE wrapper of every /api/v1 route: Bearer key → rate limit → scope → path, query and body through
// zod (unknown fields refused) → the handler, whose result is shaped by the documented response
// schema. Every refusal is an RFC 9457 problem; anything unexpected is logged and answered with a
// generic 500. The same spec feeds the OpenAPI document (lib/api/openapi.ts), so the document
// describes exactly what the route accepts and returns.
import { z } from "zod";
import { AppError } from "@/lib/app-error";
import { authenticateApiKey, type ApiCaller } from "@/lib/api-keys/authenticate-api-key";
import type { ApiScope } from "@/lib/api-keys/scopes";
import { processStore } from "@/lib/db";
import type { Db } from "@/lib/db/create-client";
import type { Store } from "@/lib/db/store";
import { serverEnv } from "@/lib/env/server";
import { log } from "@/lib/log";
import { apiLimiter, consumeApiAllowance, rateLimitHeaders } from "./api-rate-limiter";
import { INTERNAL_PROBLEM, PROBLEM_CONTENT_TYPE, problemOf, type Problem } from "./problem";
import { readJsonBody } from "./read-json-body";

type AnyObject = z.ZodObject<z.ZodRawShape>;
type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;

export type RouteSpec<P extends AnyObject | undefined, Q extends AnyObject | undefined, B extends AnyObject | undefined, R extends z.ZodType | undefined> = {
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
export type RouteContext = { caller: ApiCaller; db: Db; store: Store; request: Request };
type NextContext = { params: Promise<Record<string, string | string[]>> };

export type ApiRoute = {
  spec: RouteSpec<AnyObject | undefined, AnyObject | undefined, AnyObject | undefined, z.ZodType | undefined>;
  handle: (request: Request, context?: NextContext) => Promise<Response>;
};

export function defineRoute<P extends AnyObject | undefined, Q extends AnyObject | undefined, B extends AnyObject | undefined, R extends z.ZodType | undefined>(
  spec: RouteSpec<P, Q, B, R>,
  handler: (input: RouteInput<P, Q, B>, context: RouteContext) => Promise<R extends z.ZodType ? z.input<R> : void>,
): ApiRoute {
  // Unknown fields are refused everywhere (422), and the document says so (additionalProperties: false).
  spec = { ...spec, params: spec.params?.strict() as P, query: spec.query?.strict() as Q, body: spec.body?.strict() as B };
  const handle = async (request: Request, context?: NextContext): Promise<Response> => {
    let headers: Record<string, string> = {};
    try {
      const store = processStore();
      const { db } = store;
      const caller = await authenticateApiKey(db, request.headers.get("authorization"));
      const env = serverEnv();
      const verdict = await consumeApiAllowance(apiLimiter(store, env.API_RATE_LIMIT_POINTS, env.API_RATE_LIMIT_WINDOW_SECONDS), caller.keyId);
      headers = rateLimitHeaders(verdict);
      if (!verdict.allowed) {
        throw new AppError("rate_limited", `This API key made too many requests; try again in ${verdict.resetSeconds} s.`);
      }
      if (spec.scope && !caller.scopes.has(spec.scope)) throw new AppError("forbidden", `This API key lacks the scope ${spec.scope}.`);
      const params = parsePart(spec.params, (await context?.params) ?? {}, "path");
      const query = parsePart(spec.query, Object.fromEntries(new URL(request.url).searchParams), "query");
      const body = spec.body ? parsePart(spec.body, await readJsonBody(request), "body") : undefined;
      const result = await handler({ params, query, body } as RouteInput<P, Q, B>, { caller, db, store, request });
      if (!spec.response.schema) return new Response(null, { status: spec.response.status, headers: { ...headers, "Cache-Control": "no-store" } });
      return json(spec.response.status, spec.response.schema.parse(result), headers);
    } catch (error) {
      if (error instanceof AppError) {
        const retryAfter = error.details.retryAfterSeconds;
        return problem(problemOf(error), retryAfter === undefined ? headers : { ...headers, "Retry-After": String(retryAfter) });
      }
      log.error("api request failed", { operation: spec.operationId, error });
      return problem(INTERNAL_PROBLEM, headers);
    }
  };
  return { spec: spec as ApiRoute["spec"], handle };
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

function problem(body: Problem, headers: Record<string, string>): Response {
  // RFC 6750: a 401 names the scheme the client should use.
  const challenge: Record<string, string> = body.status === 401 ? { "WWW-Authenticate": 'Bearer realm="switchboard"' } : {};
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { ...headers, ...challenge, "Content-Type": PROBLEM_CONTENT_TYPE, "Cache-Control": "no-store" },
  });
}
