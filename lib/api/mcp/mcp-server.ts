// The MCP server one API key sees, built per request (the endpoint is stateless): the tools its
// scopes allow, each audited with the key and the tool's name; a resource per connection; and
// prompts that explain a failing connection or a stuck signup from the facts, not from guesses.
import { McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { ApiScope } from "@/lib/api-keys/scopes";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Runtime } from "@/lib/runtime/runtime";
import { routeContext, type RouteContext } from "../define-route";
import { connectionStatusDocument, connectionStatusSchema } from "./connection-status";
import { findContact, findContactInput, findContactOutput } from "./find-contact-tool";
import { registerExplainPrompts } from "./explain-prompts";
import { routePartsOf, routeTools, toolInputShape } from "./route-tools";
import type { TenantCaller } from "./tenant-caller";
import { toolFailure, toolSuccess, type ToolResult } from "./tool-result";

export const MCP_SERVER_NAME = "switchboard";

/** One request's session; `toolRuns` counts the tool calls that reached a tool (and were audited there). */
export type Session = { runtime: Runtime; caller: TenantCaller; request: Request; toolRuns: number };

export function buildMcpServer(session: Session): McpServer {
  const { runtime, caller } = session;
  const server = new McpServer(
    { name: MCP_SERVER_NAME, version: "1.0.0" },
    { instructions: "Acts for one Switchboard tenant: its HubSpot connections and newsletter signups, within that tenant's rules." },
  );
  const allowed = (scope: ApiScope | null) => scope === null || caller.scopes.has(scope);
  const context: RouteContext = routeContext(caller, runtime, session.request, "agent");

  for (const tool of routeTools) {
    if (!allowed(tool.route.spec.scope)) continue;
    const connectionTool = tool.name === "get_connection";
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: toolInputShape(tool.route),
        // Plain shapes: a schema registered for the OpenAPI document would become a $ref here.
        outputSchema: connectionTool ? connectionStatusSchema.shape : (tool.route.spec.response.schema as z.ZodObject).shape,
        annotations: { readOnlyHint: tool.readOnly, openWorldHint: false },
      },
      (args: Record<string, unknown>) =>
        audited(session, tool.name, async () =>
          connectionTool
            ? await connectionStatusDocument(runtime, caller.tenantId, String(args.connectionId))
            : ((await tool.route.invoke(context, routePartsOf(tool.route, args))) as Record<string, unknown>),
        ),
    );
  }

  if (allowed("signups:read")) {
    server.registerTool(
      "find_contact",
      {
        title: "Find a HubSpot contact by email",
        description: "Reads one contact from the tenant's HubSpot portal (read-only; paced on the portal's shared rate budget).",
        inputSchema: findContactInput,
        outputSchema: findContactOutput,
        annotations: { readOnlyHint: true, openWorldHint: true },
      },
      (args) => audited(session, "find_contact", () => findContact(runtime, caller, args)),
    );
  }

  if (allowed("connections:read")) {
    server.registerResource(
      "connection",
      new ResourceTemplate("switchboard://connections/{connectionId}", {
        list: async () => ({
          resources: (
            await runtime.db.connection.findMany({
              where: { tenantId: caller.tenantId },
              select: { id: true, portalId: true },
              orderBy: { createdAt: "asc" },
            })
          ).map((connection) => ({
            uri: `switchboard://connections/${connection.id}`,
            name: `HubSpot portal ${connection.portalId}`,
            mimeType: "application/json",
          })),
        }),
      }),
      {
        title: "Connection status",
        description: "A connection's status document: health, missing scopes, timeline",
        mimeType: "application/json",
      },
      async (uri, variables) => ({
        contents: [
          {
            uri: uri.href,
            mimeType: "application/json",
            text: JSON.stringify(await connectionStatusDocument(runtime, caller.tenantId, String(variables.connectionId))),
          },
        ],
      }),
    );
    registerExplainPrompts(server, runtime, caller);
  }
  return server;
}

/** Runs one tool call: its answer (or its problem as a tool error) and one audit event either way. */
async function audited(session: Session, tool: string, run: () => Promise<Record<string, unknown>>): Promise<ToolResult> {
  const { runtime, caller } = session;
  session.toolRuns++;
  let result: ToolResult;
  let detail = `MCP tool ${tool}`;
  try {
    result = toolSuccess(await run());
  } catch (error) {
    const failure = toolFailure(error, tool);
    result = failure.result;
    detail += ` refused: ${failure.problem.code}`;
  }
  await recordAuditEvent(runtime.db, {
    tenantId: caller.tenantId,
    actorLabel: caller.label,
    action: "mcp_tool_call",
    outcome: result.isError ? "failure" : "success",
    detail,
  });
  return result;
}
