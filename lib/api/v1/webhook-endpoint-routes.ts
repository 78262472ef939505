// /api/v1/webhook-endpoints: the host manages where it hears about changes. Tenant keys manage their
// tenant's endpoints; operator keys manage operator-wide ones (every tenant's events), or a tenant's
// with tenantId. Secrets appear only in the answers of create and rotate-secret.
import { z } from "zod";
import { AppError } from "@/lib/app-error";
import type { ApiCaller } from "@/lib/api-keys/authenticate-api-key";
import type { Db } from "@/lib/db/create-client";
import { createEndpoint, deleteEndpoint, endpointSelect, rotateEndpointSecret, updateEndpoint } from "@/lib/webhooks/manage-endpoints";
import { listPage, pageQuerySchema } from "../cursor";
import { defineRoute } from "../define-route";
import { canReach } from "../tenant-scope";
import { endpointChangesSchema, endpointView, endpointWithSecretSchema, newEndpointSchema, webhookEndpointSchema } from "./webhook-schemas";

export const endpointParams = z.object({ endpointId: z.string().min(1).max(100) });

export async function reachableEndpoint(db: Db, caller: ApiCaller, endpointId: string) {
  const row = await db.webhookEndpoint.findUnique({ where: { id: endpointId }, select: endpointSelect });
  if (!row || !canReach(caller, row.tenantId)) throw AppError.notFound("That webhook endpoint");
  return row;
}

const endpointListSchema = z
  .object({ items: z.array(webhookEndpointSchema), nextCursor: z.string().nullable() })
  .meta({ id: "WebhookEndpointList" });

export const listWebhookEndpoints = defineRoute(
  {
    method: "get",
    path: "/api/v1/webhook-endpoints",
    operationId: "listWebhookEndpoints",
    tag: "Webhooks",
    scope: "webhooks:manage",
    summary: "List webhook endpoints",
    query: z.object({
      tenantId: z.string().min(1).max(100).optional().describe("Operator keys: a tenant's endpoints instead of the operator-wide ones"),
      ...pageQuerySchema,
    }),
    response: { status: 200, description: "A page of endpoints, newest first", schema: endpointListSchema },
    problems: [404],
  },
  async ({ query }, { caller, db }) => {
    if (caller.tenantId && query.tenantId && query.tenantId !== caller.tenantId) throw AppError.notFound("That tenant");
    const tenantId = caller.tenantId ?? query.tenantId ?? null;
    return listPage(query, { tenantId }, (page) => db.webhookEndpoint.findMany({ ...page, select: endpointSelect }), endpointView);
  },
);

export const createWebhookEndpoint = defineRoute(
  {
    method: "post",
    path: "/api/v1/webhook-endpoints",
    operationId: "createWebhookEndpoint",
    tag: "Webhooks",
    scope: "webhooks:manage",
    summary: "Add a webhook endpoint",
    body: newEndpointSchema,
    description: "The answer holds the signing secret, once. URLs must be public https addresses unless the operator allows private ones.",
    response: { status: 201, description: "The endpoint and its signing secret", schema: endpointWithSecretSchema },
    problems: [404],
  },
  async ({ body }, { caller, actor, db, runtime }) => {
    const { tenantId: requested, ...fields } = body;
    if (caller.tenantId && requested && requested !== caller.tenantId) throw AppError.notFound("That tenant");
    const tenantId = caller.tenantId ?? requested ?? null;
    if (tenantId && !(await db.tenant.findUnique({ where: { id: tenantId }, select: { id: true } })))
      throw AppError.notFound("That tenant");
    const { endpoint, secret } = await createEndpoint(db, runtime.webhooks, tenantId, fields, actor);
    return { endpoint: endpointView(endpoint), secret };
  },
);

export const getWebhookEndpoint = defineRoute(
  {
    method: "get",
    path: "/api/v1/webhook-endpoints/{endpointId}",
    operationId: "getWebhookEndpoint",
    tag: "Webhooks",
    scope: "webhooks:manage",
    summary: "Get a webhook endpoint",
    params: endpointParams,
    response: { status: 200, description: "The endpoint", schema: webhookEndpointSchema },
    problems: [404],
  },
  async ({ params }, { caller, db }) => endpointView(await reachableEndpoint(db, caller, params.endpointId)),
);

export const updateWebhookEndpoint = defineRoute(
  {
    method: "patch",
    path: "/api/v1/webhook-endpoints/{endpointId}",
    operationId: "updateWebhookEndpoint",
    tag: "Webhooks",
    scope: "webhooks:manage",
    summary: "Change or re-enable a webhook endpoint",
    params: endpointParams,
    body: endpointChangesSchema,
    response: { status: 200, description: "The endpoint", schema: webhookEndpointSchema },
    problems: [404],
  },
  async ({ params, body }, { caller, actor, db, runtime }) => {
    const row = await reachableEndpoint(db, caller, params.endpointId);
    return endpointView(await updateEndpoint(db, runtime.webhooks, row.id, body, actor));
  },
);

export const deleteWebhookEndpoint = defineRoute(
  {
    method: "delete",
    path: "/api/v1/webhook-endpoints/{endpointId}",
    operationId: "deleteWebhookEndpoint",
    tag: "Webhooks",
    scope: "webhooks:manage",
    summary: "Delete a webhook endpoint and its delivery log",
    params: endpointParams,
    response: { status: 204, description: "Deleted" },
    problems: [404],
  },
  async ({ params }, { caller, actor, db }) => {
    await deleteEndpoint(db, await reachableEndpoint(db, caller, params.endpointId), actor);
  },
);

export const rotateWebhookSecret = defineRoute(
  {
    method: "post",
    path: "/api/v1/webhook-endpoints/{endpointId}/rotate-secret",
    operationId: "rotateWebhookSecret",
    tag: "Webhooks",
    scope: "webhooks:manage",
    params: endpointParams,
    summary: "Rotate the signing secret",
    description: "Returns the new secret once. For 24 hours deliveries carry signatures with both the new and the previous secret.",
    response: { status: 200, description: "The endpoint and its new secret", schema: endpointWithSecretSchema },
    problems: [404],
  },
  async ({ params }, { caller, actor, db, runtime }) => {
    const row = await reachableEndpoint(db, caller, params.endpointId);
    const { endpoint, secret } = await rotateEndpointSecret(db, runtime.webhooks, row.id, actor);
    return { endpoint: endpointView(endpoint), secret };
  },
);
