// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the routes themselves parse and
// return (lib/api/v1/all-routes.ts): it cannot drift from the code.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import type { z } from "zod";
import type { ApiRoute } from "./define-route";
import { PROBLEM_CONTENT_TYPE, problemSchema } from "./problem";
import { allRoutes } from "./v1/all-routes";
import { webhookEventDocs } from "./v1/webhook-event-docs";

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  401: "Missing, unknown or revoked API key",
  403: "The key lacks the scope this operation needs",
  404: "No such object for this key (another tenant's objects look missing too)",
  409: "The object is in a state that prevents this (e.g. the connection needs reconnecting)",
  413: "The body is larger than 64 KB",
  415: "The body is not application/json",
  422: "Invalid input; `errors` holds the messages per field",
  429: "Too many requests for this key; see Retry-After",
  503: "HubSpot or the database is unavailable; try again later",
};
const COMMON_PROBLEMS = [401, 403, 422, 429];
const BODY_PROBLEMS = [413, 415];

let cached: ReturnType<OpenApiGeneratorV31["generateDocument"]> | undefined;

export function openApiDocument(appUrl: string) {
  if (cached) return { ...cached, servers: [{ url: appUrl }] };
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "sb_live_…",
    description: "An API key from the tenant's Developers page, or an operator key from `npm run admin -- api-key create`.",
  });
  for (const route of allRoutes) registerRoute(registry, route);
  for (const event of webhookEventDocs) {
    registry.registerWebhook({
      method: "post",
      path: event.type,
      summary: event.summary,
      tags: ["Webhooks"],
      description:
        "Signed per Standard Webhooks: verify `webhook-id`, `webhook-timestamp` and `webhook-signature` with the endpoint's secret.",
      request: { body: { content: { "application/json": { schema: event.schema } } } },
      responses: { 200: { description: "Any 2xx acknowledges the event; anything else is retried with backoff for 3 days" } },
    });
  }
  cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Switchboard API",
      version: "1.0.0",
      description:
        "Use your tenants' HubSpot connections from your backend, manage signups and tenants, and hear about changes through webhooks. Errors are RFC 9457 problem documents.",
    },
    security: [{ apiKey: [] }],
  });
  return { ...cached, servers: [{ url: appUrl }] };
}

function registerRoute(registry: OpenAPIRegistry, { spec }: ApiRoute): void {
  const statuses = [...COMMON_PROBLEMS, ...(spec.body ? BODY_PROBLEMS : []), ...(spec.problems ?? [])].sort();
  const problems = Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: PROBLEM_DESCRIPTIONS[status] ?? "Problem", content: { [PROBLEM_CONTENT_TYPE]: { schema: problemSchema } } },
    ]),
  );
  registry.registerPath({
    method: spec.method,
    path: spec.path,
    operationId: spec.operationId,
    summary: spec.summary,
    tags: [spec.tag],
    description: [spec.description, spec.scope ? `Scope: \`${spec.scope}\`.` : "Any valid key."].filter(Boolean).join("\n\n"),
    request: {
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.query ? { query: spec.query } : {}),
      ...(spec.body ? { body: { required: true, content: { "application/json": { schema: spec.body as z.ZodType } } } } : {}),
    },
    responses: {
      [spec.response.status]: {
        description: spec.response.description,
        ...(spec.response.schema ? { content: { "application/json": { schema: spec.response.schema } } } : {}),
      },
      ...problems,
    },
  });
}
