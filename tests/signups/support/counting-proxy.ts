// A pass-through HTTP proxy in front of the simulator that counts, per email, how often an accepted
// batch upsert carried it — the direct evidence for "never double-sent" in the multi-worker tests.
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface CountingProxy {
  url: string;
  sendsPerEmail: Map<string, number>;
  close(): Promise<void>;
}

export async function startCountingProxy(targetUrl: string): Promise<CountingProxy> {
  const target = new URL(targetUrl);
  const sendsPerEmail = new Map<string, number>();
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const body = Buffer.concat(chunks);
      const upstream = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: incoming.method,
          path: incoming.url,
          headers: { ...incoming.headers, host: target.host },
        },
        (answer) => {
          // Only batches HubSpot accepted count: a 429 or 5xx stored nothing, so resending is no double-send.
          if (incoming.url?.endsWith("/batch/upsert") && (answer.statusCode === 200 || answer.statusCode === 207)) countInputs(body);
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      upstream.on("error", () => outgoing.destroy());
      upstream.end(body);
    });
  });
  function countInputs(body: Buffer): void {
    const parsed = JSON.parse(body.toString("utf8")) as { inputs?: { id: string }[] };
    for (const input of parsed.inputs ?? []) {
      const email = input.id.toLowerCase();
      sendsPerEmail.set(email, (sendsPerEmail.get(email) ?? 0) + 1);
    }
  }
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sendsPerEmail,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
