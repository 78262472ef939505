// What Next's route files export: for one path, its routes' handlers and, for every other method, a
// 405 problem naming the allowed ones (Next's own 405 has no body); for paths that name no route,
// a 404 problem (app/api/v1/[...rest]). Every answer of /api/v1 is problem+json, even these.
import { AppError } from "@/lib/app-error";
import type { ApiRoute } from "./define-route";
import { problemOf, problemResponse as problem } from "./problem";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];
type Handler = ApiRoute["handle"];

export function pathHandlers(...routes: ApiRoute[]): Record<Method, Handler> {
  const byMethod = new Map<string, Handler>(routes.map((route) => [route.spec.method.toUpperCase(), route.handle]));
  const notAllowed = methodNotAllowed([...byMethod.keys()]);
  return Object.fromEntries(METHODS.map((method) => [method, byMethod.get(method) ?? notAllowed])) as Record<Method, Handler>;
}

/** A 405 problem with the Allow header, for a path that does not take the request's method. */
export function methodNotAllowed(allowed: string[]): Handler {
  const allow = allowed.join(", ");
  return async (request) =>
    problem(problemOf(new AppError("method_not_allowed", `${request.method} is not supported here; use ${allow}.`)), { Allow: allow });
}

export async function unknownApiPath(): Promise<Response> {
  return problem(problemOf(new AppError("not_found", "No API operation exists at this path; see /api/v1/openapi.json.")), {});
}
