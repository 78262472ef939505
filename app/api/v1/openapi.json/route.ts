// GET /api/v1/openapi.json — the OpenAPI 3.1 document, generated from the routes' own zod schemas.
import { openApiDocument } from "@switchboard/lib/api/openapi";
import { serverEnv } from "@switchboard/lib/env/server";

export function GET(): Response {
  return Response.json(openApiDocument(serverEnv().APP_URL), { headers: { "Cache-Control": "public, max-age=300" } });
}
