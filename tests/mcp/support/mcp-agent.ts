// The MCP endpoint over real HTTP (a node:http server in front of the same handler Next's route
// calls, bound to one test world's runtime), and an agent: the official SDK's client on the
// Streamable HTTP transport, authenticated with an API key.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { handleMcp } from "@switchboard/lib/api/mcp/handle-mcp";
import type { Runtime } from "@switchboard/lib/runtime/runtime";

export type McpEndpoint = { url: string; close(): Promise<void> };

export async function serveMcp(runtime: Runtime): Promise<McpEndpoint> {
  const server = createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const method = incoming.method ?? "GET";
    const request = new Request(`http://127.0.0.1${incoming.url ?? "/"}`, {
      method,
      headers: webHeaders(incoming.headers),
      ...(method === "GET" || method === "HEAD" ? {} : { body: Buffer.concat(chunks) }),
    });
    const response = await handleMcp(runtime, request);
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api/v1/mcp`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function webHeaders(headers: IncomingHttpHeaders): Headers {
  const result = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) result.append(name, item);
  }
  return result;
}

/** An agent connected with `key` (and, for operator keys, the tenant it acts for). */
export async function connectAgent(endpoint: McpEndpoint, key: string, tenant?: string): Promise<Client> {
  const client = new Client({ name: "test-agent", version: "1.0.0" });
  const headers: Record<string, string> = { authorization: `Bearer ${key}`, ...(tenant ? { "x-switchboard-tenant": tenant } : {}) };
  await client.connect(new StreamableHTTPClientTransport(new URL(endpoint.url), { requestInit: { headers } }));
  return client;
}

/** A tool's answer: its structured content, or its problem document when it failed. */
export async function callTool(client: Client, name: string, args: Record<string, unknown> = {}) {
  const result = await client.callTool({ name, arguments: args });
  const text = (result.content as { type: string; text?: string }[])[0]?.text ?? "";
  return result.isError
    ? { ok: false as const, problem: safeJson(text) as { code?: string; status?: number; detail?: string } | string }
    : { ok: true as const, data: result.structuredContent as Record<string, unknown> };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
