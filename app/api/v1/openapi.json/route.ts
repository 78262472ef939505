// GET /api/v1/openapi.json — the OpenAPI 3.1 document, generated from the routes' own zod schemas.
import { openApiDocument } from "@switchboard/lib/api/openapi";
import { processRuntime } from "@switchboard/lib/runtime/process-runtime";
import { methodNotAllowed } from "@switchboard/lib/api/route-methods";

export function GET(): Response {
  return Response.json(openApiDocument(processRuntime().env.APP_URL), { headers: { "Cache-Control": "public, max-age=300" } });
}

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
