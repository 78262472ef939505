// Calls to the simulator's /_sim/ control API on a fresh connection each time: the bench sits
// idle for seconds between calls (e.g. while inserting signups), and a pooled keep-alive socket
// the server has dropped meanwhile would fail the call with ECONNRESET.
import { request } from "node:http";

export function simControl<T>(simulatorUrl: string, method: "GET" | "POST" | "DELETE" | "PATCH", path: string, body?: unknown): Promise<T> {
  const url = new URL(path, simulatorUrl);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const headers = payload === undefined ? {} : { "content-type": "application/json", "content-length": Buffer.byteLength(payload) };
    const outgoing = request({ host: url.hostname, port: url.port, path: url.pathname, method, agent: false, headers }, (incoming) => {
      let text = "";
      incoming.setEncoding("utf8");
      incoming.on("data", (chunk: string) => (text += chunk));
      incoming.on("end", () => {
        if ((incoming.statusCode ?? 500) >= 400) return reject(new Error(`${method} ${path} → ${incoming.statusCode}: ${text}`));
        resolve((text ? JSON.parse(text) : undefined) as T);
      });
    });
    outgoing.on("error", reject);
    outgoing.end(payload);
  });
}
