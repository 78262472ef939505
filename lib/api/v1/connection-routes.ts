// /api/v1/connections: list and read a tenant's connections, and hand the host a fresh access token
// through the same refresh lease as everything else (one refresh per connection across processes).
import { z } from "zod";
import { AppError } from "@/lib/app-error";
import { hotPathAuditWriter } from "@/lib/audit/hot-path-audit-writer";
import { connectionSubject } from "@/lib/audit/record-audit-event";
import { getFreshAccessToken } from "@/lib/integrations/connection-tokens";
import { NeedsReconnectError, ProviderUnavailableError } from "@/lib/integrations/errors";
import { loadTokenRow } from "@/lib/integrations/token-row";
import { listPage, pageQuerySchema } from "../cursor";
import { defineRoute, type RouteContext } from "../define-route";
import { canReach, tenantFilter } from "../tenant-scope";
import { accessTokenSchema, connectionListSchema, connectionSchema, connectionSelect, connectionView } from "./connection-schemas";

const connectionParams = z.object({ connectionId: z.string().min(1).max(100) });

async function reachableConnection({ caller, db }: RouteContext, connectionId: string) {
  const row = await db.connection.findUnique({ where: { id: connectionId }, select: connectionSelect });
  if (!row || !canReach(caller, row.tenantId)) throw AppError.notFound("That connection");
  return row;
}

export const listConnections = defineRoute(
  {
    method: "get", path: "/api/v1/connections", operationId: "listConnections", tag: "Connections", scope: "connections:read",
    summary: "List connections with their health",
    description: "A tenant key sees its own tenant's connections; an operator key sees every tenant's, or one tenant's with `tenantId`.",
    query: z.object({ tenantId: z.string().min(1).max(100).optional(), ...pageQuerySchema }),
    response: { status: 200, description: "A page of connections, newest first", schema: connectionListSchema }, problems: [404],
  },
  async ({ query }, { caller, db }) =>
    listPage(query, tenantFilter(caller, query.tenantId), (page) => db.connection.findMany({ ...page, select: connectionSelect }), connectionView),
);

export const getConnection = defineRoute(
  {
    method: "get", path: "/api/v1/connections/{connectionId}", operationId: "getConnection", tag: "Connections", scope: "connections:read",
    summary: "Get one connection", params: connectionParams,
    response: { status: 200, description: "The connection", schema: connectionSchema }, problems: [404],
  },
  async ({ params }, context) => connectionView(await reachableConnection(context, params.connectionId)),
);

export const issueAccessToken = defineRoute(
  {
    method: "post", path: "/api/v1/connections/{connectionId}/access-token", operationId: "issueAccessToken", tag: "Connections",
    scope: "connections:token", params: connectionParams,
    summary: "Get a fresh HubSpot access token",
    description:
      "Returns an access token valid for at least a few minutes, refreshing it first when needed (one refresh per connection " +
      "across every Switchboard process). A connection that must be reconnected answers 409 with a `reason` to show the tenant. " +
      "Every token handed out is recorded in the tenant's audit log (never the token).",
    response: { status: 200, description: "A usable access token and its expiry", schema: accessTokenSchema }, problems: [404, 409, 503],
  },
  async ({ params }, context) => {
    // One read serves the tenant check and the token itself: this is the host's hot path.
    const row = await loadTokenRow(context.db, params.connectionId);
    if (!row || !canReach(context.caller, row.tenantId)) throw AppError.notFound("That connection");
    const subject = connectionSubject(row.provider, row.portalId);
    try {
      const fresh = await getFreshAccessToken(context.db, row.id, context.runtime.integrations, row);
      // Committed before the answer, by the cheapest write each database allows.
      await hotPathAuditWriter(context.db, context.runtime.databaseUrl)({
        tenantId: row.tenantId, connectionId: row.id, subject, actorLabel: context.caller.label,
        action: "access_token_issued", outcome: "success", detail: `Access token handed to ${context.caller.label}`,
      });
      return { connectionId: row.id, portalId: row.portalId, accessToken: fresh.token, expiresAt: fresh.expiresAt?.toISOString() ?? null, tokenType: "bearer" as const };
    } catch (error) {
      if (error instanceof NeedsReconnectError) {
        throw new AppError("conflict", "This connection must be reconnected by a tenant admin before it can be used.", { reason: error.message });
      }
      if (error instanceof ProviderUnavailableError) {
        throw new AppError("unavailable", `HubSpot is not answering right now: ${error.message}`);
      }
      throw error;
    }
  },
);
