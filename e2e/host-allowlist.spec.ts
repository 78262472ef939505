// DNS rebinding against the real production server: a page on another site that points its own
// name at this server still sends that name as Host, and gets 421 before any page or route runs.
import { request as httpRequest } from "node:http";
import { test, expect } from "./fixtures";

function getAs(url: string, host: string, method = "GET"): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method, headers: { host, "content-type": "application/json" } }, (incoming) => {
      let body = "";
      incoming.on("data", (chunk: Buffer) => (body += chunk.toString()));
      incoming.on("end", () => resolve({ status: incoming.statusCode ?? 0, body }));
    });
    outgoing.on("error", reject);
    outgoing.end(method === "POST" ? "{}" : undefined);
  });
}

test("a request naming another host is refused with 421 on pages and the API", async ({ runtime }) => {
  const port = new URL(runtime.appUrl).port;
  for (const [method, path] of [
    ["GET", "/forgot-password"],
    ["POST", "/forgot-password"],
    ["GET", "/api/v1/whoami"],
    ["POST", "/api/subscribe/contoso"],
    ["GET", "/dev/mailbox"],
  ] as const) {
    const answer = await getAs(`${runtime.appUrl}${path}`, `rebind.attacker.test:${port}`, method);
    expect(answer.status, `${method} ${path}`).toBe(421);
    expect(answer.body).toMatch(/does not serve that host/);
  }
  // APP_URL's own host (localhost here) is served.
  expect((await getAs(`${runtime.appUrl}/api/health`, `localhost:${port}`)).status).toBe(200);
});
