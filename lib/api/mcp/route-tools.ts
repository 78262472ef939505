// The MCP tools that ARE /api/v1 operations: same handler, same zod schemas for input and output,
// same scope. A tool's arguments are the route's path, query and body fields side by side; the
// tenant is the session's, never an argument (see tenant-caller.ts).
import type { z } from "zod";
import type { ApiRoute, RouteParts } from "../define-route";
import { getConnection, issueAccessToken, listConnections } from "../v1/connection-routes";
import { createSignup, getSignup, listSignups, retrySignup } from "../v1/signup-routes";

export type RouteTool = {
  name: string;
  title: string;
  description: string;
  route: ApiRoute;
  /** Reads only: agents may call it freely (MCP's readOnlyHint). */
  readOnly: boolean;
};

export const routeTools: readonly RouteTool[] = [
  {
    name: "list_connections",
    title: "List HubSpot connections",
    route: listConnections,
    readOnly: true,
    description:
      "The tenant's HubSpot connections, newest first, with status (connected, needs_reconnect, degraded), the reason when unhealthy, granted scopes and the last test.",
  },
  {
    name: "get_connection",
    title: "Get one connection",
    route: getConnection,
    readOnly: true,
    description:
      "One connection's status and health, the scopes it is missing, and its recent timeline (connects, refreshes, status changes, tests).",
  },
  {
    name: "list_signups",
    title: "List newsletter signups",
    route: listSignups,
    readOnly: true,
    description:
      "The tenant's newsletter signups, newest first, filtered by status (pending, synced, failed), arrival time or exact email.",
  },
  {
    name: "get_signup",
    title: "Get one signup",
    route: getSignup,
    readOnly: true,
    description: "One signup with its sync state: attempts, the last error (HubSpot's reason), the HubSpot contact id once synced.",
  },
  {
    name: "retry_signup",
    title: "Retry a failed signup",
    route: retrySignup,
    readOnly: false,
    description: "Puts a FAILED signup back in the sync queue. Signups that are not failed are refused (conflict).",
  },
  {
    name: "add_subscriber",
    title: "Add a newsletter subscriber",
    route: createSignup,
    readOnly: false,
    description:
      "Adds a person to the tenant's newsletter through the signup pipeline, exactly as the tenant's form would: only with the person's recorded consent (consent: true), " +
      "under the tenant's rules. It never writes to HubSpot directly and never marks anyone as subscribed without consent.",
  },
  {
    name: "get_access_token",
    title: "Get a HubSpot access token",
    route: issueAccessToken,
    readOnly: false,
    description: "A fresh HubSpot access token for one connection (needs the connections:token scope). Every token handed out is audited.",
  },
];

type Shape = Record<string, z.ZodType>;

const shapeOf = (schema: unknown): Shape => (schema as { shape?: Shape } | undefined)?.shape ?? {};

/** The tool's arguments: the route's path, query and body fields, without tenantId. */
export function toolInputShape(route: ApiRoute): Shape {
  const { params, query, body } = route.spec;
  const shape: Shape = { ...shapeOf(params), ...shapeOf(query), ...shapeOf(body) };
  delete shape.tenantId;
  return shape;
}

/** Arguments back into the route's parts, each field where the route expects it. */
export function routePartsOf(route: ApiRoute, args: Record<string, unknown>): RouteParts {
  const pick = (schema: unknown) => Object.fromEntries(Object.entries(args).filter(([key]) => key in shapeOf(schema)));
  const { params, query, body } = route.spec;
  return { params: pick(params), query: pick(query), ...(body ? { body: pick(body) } : {}) };
}
