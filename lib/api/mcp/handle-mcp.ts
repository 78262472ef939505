// POST /api/v1/mcp — MCP over Streamable HTTP for a host's AI agents, acting for one tenant. Stateless:
// every request authenticates its API key afresh (a revoked key ends the session at its next call),
// counts against the key's rate limit like any /api/v1 call, and gets a server built for exactly
// that key's scopes and tenant; any app instance can answer any request. Answers are plain JSON
// (no server-sent stream), which every client of the Streamable HTTP transport accepts.
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { AppError } from "@/lib/app-error";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { log } from "@/lib/log";
import type { Runtime } from "@/lib/runtime/runtime";
import { apiLimiter, consumeApiAllowance, rateLimitHeaders } from "../api-rate-limiter";
import { INTERNAL_PROBLEM, problemOf, problemResponse } from "../problem";
import { readJsonBody } from "../read-json-body";
import { buildMcpServer } from "./mcp-server";
import { calledToolOf, settleSdkRefusal } from "./sdk-refusals";
import { TENANT_HEADER, tenantCallerOf } from "./tenant-caller";

export async function handleMcp(runtime: Runtime, request: Request): Promise<Response> {
  let headers: Record<string, string> = {};
  try {
    const key = await authenticateApiKey(runtime.db, request.headers.get("authorization"));
    const { env } = runtime;
    const verdict = await consumeApiAllowance(
      apiLimiter(runtime.store, env.API_RATE_LIMIT_POINTS, env.API_RATE_LIMIT_WINDOW_SECONDS),
      key.keyId,
    );
    headers = rateLimitHeaders(verdict);
    if (!verdict.allowed)
      throw new AppError("rate_limited", `This API key made too many requests; try again in ${verdict.resetSeconds} s.`);
    // No sessions, so no stream to open (GET) or session to end (DELETE).
    if (request.method !== "POST") {
      headers.Allow = "POST";
      return problemResponse(
        {
          ...problemOf(new AppError("invalid_input", "This MCP endpoint is stateless: send each JSON-RPC message as a POST.")),
          status: 405,
          title: "Method not allowed",
        },
        headers,
      );
    }
    const caller = await tenantCallerOf(runtime.db, key, request.headers.get(TENANT_HEADER));
    const parsedBody = await readJsonBody(request);
    const session = { runtime, caller, request, toolRuns: 0 };
    const server = buildMcpServer(session);
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    await server.connect(transport);
    try {
      const answer = await transport.handleRequest(request, { parsedBody });
      const tool = calledToolOf(parsedBody);
      let body = await answer.text();
      if (tool && session.toolRuns === 0) body = await settleSdkRefusal(runtime.db, caller, tool, body);
      return new Response(body || null, {
        status: answer.status,
        headers: { ...Object.fromEntries(answer.headers), ...headers, "Cache-Control": "no-store" },
      });
    } finally {
      await server.close();
    }
  } catch (error) {
    if (error instanceof AppError) return problemResponse(problemOf(error), headers);
    log.error("mcp request failed", { error });
    return problemResponse(INTERNAL_PROBLEM, headers);
  }
}
