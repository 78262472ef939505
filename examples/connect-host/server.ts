// An example host product embedding Switchboard's connect flow: a tiny backend that creates connect
// sessions with its API key (never sent to the browser), and a settings page with a button that
// opens the hosted page through @switchboard/connect. Plain node:http, no framework, no database:
// the page remembers the connection id in localStorage. Run: SWITCHBOARD_URL=… SWITCHBOARD_API_KEY=…
// npx tsx examples/connect-host/server.ts  (HOST_PORT, default 3218).
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";

export type ConnectHostOptions = { port: number; switchboardUrl: string; apiKey: string; listenHost?: string };
export type RunningConnectHost = { url: string; close(): Promise<void> };

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const files: Record<string, { path: string; type: string }> = {
  "/": { path: here("./page.html"), type: "text/html; charset=utf-8" },
  "/page.js": { path: here("./page.js"), type: "text/javascript; charset=utf-8" },
  "/client/index.js": { path: here("../../packages/connect/index.js"), type: "text/javascript; charset=utf-8" },
};

export async function startConnectHost(options: ConnectHostOptions): Promise<RunningConnectHost> {
  const origin = `http://localhost:${options.port}`;
  const switchboard = (path: string, init: RequestInit = {}) =>
    fetch(new URL(path, options.switchboardUrl), {
      ...init,
      headers: { authorization: `Bearer ${options.apiKey}`, "content-type": "application/json" },
    });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", origin);
    const file = files[url.pathname];
    if (request.method === "GET" && file) {
      response.writeHead(200, { "content-type": file.type, "cache-control": "no-store" });
      response.end(await readFile(file.path));
      return;
    }
    if (request.method === "POST" && url.pathname === "/api/connect-session") {
      const body = JSON.parse((await readBody(request)) || "{}") as { connectionId?: string };
      const answer = await switchboard("/api/v1/connect-sessions", {
        method: "POST",
        body: JSON.stringify({
          returnUrl: `${origin}/`,
          endUserRef: "example-host-user",
          ...(body.connectionId ? { connectionId: body.connectionId } : {}),
        }),
      });
      return relay(response, answer);
    }
    const match = /^\/api\/connections\/([\w-]{1,100})$/.exec(url.pathname);
    if (request.method === "GET" && match) return relay(response, await switchboard(`/api/v1/connections/${match[1]}`));
    response.writeHead(404, { "content-type": "text/plain" });
    response.end("Not found");
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch(() => {
      response.writeHead(502, { "content-type": "text/plain" });
      response.end("Switchboard could not be reached");
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.listenHost ?? "127.0.0.1", resolve));
  return { url: origin, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function relay(response: ServerResponse, answer: Response): Promise<void> {
  response.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
  response.end(await answer.text());
}

async function readBody(request: IncomingMessage): Promise<string> {
  let text = "";
  for await (const chunk of request) {
    text += String(chunk);
    if (text.length > 10_000) throw new Error("body too large");
  }
  return text;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { SWITCHBOARD_URL, SWITCHBOARD_API_KEY, HOST_PORT } = process.env;
  if (!SWITCHBOARD_URL || !SWITCHBOARD_API_KEY) {
    console.error("Set SWITCHBOARD_URL and SWITCHBOARD_API_KEY (a tenant key with connections:write and connections:read).");
    process.exit(1);
  }
  const host = await startConnectHost({ port: Number(HOST_PORT ?? 3218), switchboardUrl: SWITCHBOARD_URL, apiKey: SWITCHBOARD_API_KEY });
  console.log(`Example host page: ${host.url}`);
}
