// /api/v1/connections: list and read a tenant's connections, and hand the host a fresh access token
// through the same refresh lease as everything else (one refresh per connection across processes).
import { z } from "zod";
import { AppError } from "@/lib/app-error";
import { AuditNotRecordedError, hotPathAuditWriter } from "@/lib/audit/hot-path-audit-writer";
import { preparedTokenRowRead } from "@/lib/db/statements/hot-path";
import { connectionSubject } from "@/lib/audit/record-audit-event";
import { disconnectConnection } from "@/lib/integrations/flows/disconnect-connection";
import { getFreshAccessToken } from "@/lib/integrations/tokens/access-token";
import { NeedsReconnectError, ProviderUnavailableError } from "@/lib/integrations/errors";
import { loadTokenRow } from "@/lib/integrations/tokens/stored-tokens";
import { listPage, pageQuerySchema } from "../cursor";
import { defineRoute, type RouteContext } from "../define-route";
import { canReach, tenantFilter } from "../tenant-scope";
import {
  accessTokenSchema,
  connectionEventListSchema,
  connectionEventSchema,
  disconnectionSchema,
  connectionListSchema,
  connectionSchema,
  connectionSelect,
  connectionView,
} from "./connection-schemas";

type TimelineType = z.infer<typeof connectionEventSchema>["type"];

// The audit write gave up after waiting seconds for the database lock: ask the host to come back shortly.
const AUDIT_RETRY_AFTER_SECONDS = 5;

const connectionParams = z.object({ connectionId: z.string().min(1).max(100) });

async function reachableConnection({ caller, db }: RouteContext, connectionId: string) {
  const row = await db.connection.findUnique({ where: { id: connectionId }, select: connectionSelect });
  if (!row || !canReach(caller, row.tenantId)) throw AppError.notFound("That connection");
  return row;
}

export const listConnections = defineRoute(
  {
    method: "get",
    path: "/api/v1/connections",
    operationId: "listConnections",
    tag: "Connections",
    scope: "connections:read",
    summary: "List connections with their health",
    description: "A tenant key sees its own tenant's connections; an operator key sees every tenant's, or one tenant's with `tenantId`.",
    query: z.object({ tenantId: z.string().min(1).max(100).optional(), ...pageQuerySchema }),
    response: { status: 200, description: "A page of connections, newest first", schema: connectionListSchema },
    problems: [404],
  },
  async ({ query }, { caller, db }) =>
    listPage(
      query,
      tenantFilter(caller, query.tenantId),
      (page) => db.connection.findMany({ ...page, select: connectionSelect }),
      connectionView,
    ),
);

export const getConnection = defineRoute(
  {
    method: "get",
    path: "/api/v1/connections/{connectionId}",
    operationId: "getConnection",
    tag: "Connections",
    scope: "connections:read",
    summary: "Get one connection",
    params: connectionParams,
    response: { status: 200, description: "The connection", schema: connectionSchema },
    problems: [404],
  },
  async ({ params }, context) => connectionView(await reachableConnection(context, params.connectionId)),
);

export const deleteConnection = defineRoute(
  {
    method: "delete",
    path: "/api/v1/connections/{connectionId}",
    operationId: "deleteConnection",
    tag: "Connections",
    scope: "connections:write",
    params: connectionParams,
    summary: "Disconnect a connection",
    description:
      "Revokes Switchboard's grant at HubSpot and deletes the stored tokens. When no other tenant uses that portal's installation, " +
      "the app is also uninstalled from the portal (HubSpot emails its admins); otherwise only this grant is revoked. " +
      "The answer and the `connection.disconnected` webhook event say which happened (`uninstalled`).",
    response: { status: 200, description: "What was done", schema: disconnectionSchema },
    problems: [404],
  },
  async ({ params }, context) => {
    const row = await reachableConnection(context, params.connectionId);
    const tenant = await context.db.tenant.findUniqueOrThrow({ where: { id: row.tenantId }, select: { id: true, slug: true } });
    const result = await disconnectConnection(
      context.db,
      { id: null, label: context.caller.label },
      tenant,
      { connectionId: row.id },
      context.runtime.integrations,
    );
    if (!result.ok) throw AppError.notFound("That connection");
    return {
      connectionId: row.id,
      portalId: result.portalId,
      revoked: result.revoked,
      uninstalled: result.uninstalled,
      message: result.message,
    };
  },
);

export const listConnectionEvents = defineRoute(
  {
    method: "get",
    path: "/api/v1/connections/{connectionId}/events",
    operationId: "listConnectionEvents",
    tag: "Connections",
    scope: "connections:read",
    params: connectionParams,
    query: z.object(pageQuerySchema),
    summary: "A connection's health timeline",
    description:
      "Every lifecycle change of the connection, newest first: connected, reconnected, degraded, recovered, needs_reconnect. " +
      "A failure that cleared on the next try is not an entry; `degraded` appears only once failures persist.",
    response: { status: 200, description: "A page of timeline entries, newest first", schema: connectionEventListSchema },
    problems: [404],
  },
  async ({ params, query }, context) => {
    const connection = await reachableConnection(context, params.connectionId);
    return listPage(
      query,
      { connectionId: connection.id, tenantId: connection.tenantId },
      (page) => context.db.connectionEvent.findMany(page),
      (row) => ({
        id: row.id,
        connectionId: row.connectionId,
        type: row.type as TimelineType,
        reason: row.reason,
        actor: row.actorLabel,
        createdAt: row.createdAt.toISOString(),
      }),
    );
  },
);

export const issueAccessToken = defineRoute(
  {
    method: "post",
    path: "/api/v1/connections/{connectionId}/access-token",
    operationId: "issueAccessToken",
    tag: "Connections",
    scope: "connections:token",
    params: connectionParams,
    summary: "Get a fresh HubSpot access token",
    description:
      "Returns an access token valid for at least a few minutes, refreshing it first when needed (one refresh per connection " +
      "across every Switchboard process). A connection that must be reconnected answers 409 with a `reason` to show the tenant. " +
      "Every token handed out is recorded in the tenant's audit log (never the token).",
    response: { status: 200, description: "A usable access token and its expiry", schema: accessTokenSchema },
    problems: [404, 409, 503],
  },
  async ({ params }, context) => {
    // One read serves the tenant check and the token itself: this is the host's hot path, so it
    // goes through the database layer's prepared read where there is one.
    const read = preparedTokenRowRead(context.store);
    const row = read ? read(params.connectionId) : await loadTokenRow(context.db, params.connectionId);
    if (!row || !canReach(context.caller, row.tenantId)) throw AppError.notFound("That connection");
    const subject = connectionSubject(row.provider, row.portalId);
    try {
      const fresh = await getFreshAccessToken(context.db, row.id, context.runtime.integrations, row);
      // Committed before the answer, by the cheapest write each database allows; never answered without it.
      await hotPathAuditWriter(context.store)({
        tenantId: row.tenantId,
        connectionId: row.id,
        subject,
        actorLabel: context.caller.label,
        action: "access_token_issued",
        outcome: "success",
        detail: `Access token handed to ${context.caller.label}`,
      });
      return {
        connectionId: row.id,
        portalId: row.portalId,
        accessToken: fresh.token,
        expiresAt: fresh.expiresAt?.toISOString() ?? null,
        tokenType: "bearer" as const,
      };
    } catch (error) {
      if (error instanceof NeedsReconnectError) {
        throw new AppError("conflict", "This connection must be reconnected by a tenant admin before it can be used.", {
          reason: error.message,
        });
      }
      if (error instanceof AuditNotRecordedError) {
        throw new AppError(
          "unavailable",
          "The token could not be handed out because its audit entry could not be recorded; please try again.",
          { retryAfterSeconds: AUDIT_RETRY_AFTER_SECONDS },
        );
      }
      if (error instanceof ProviderUnavailableError) {
        throw new AppError("unavailable", `HubSpot is not answering right now: ${error.message}`);
      }
      throw error;
    }
  },
);
