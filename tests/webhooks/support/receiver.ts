// A real local webhook receiver: node:http on a free port, verifying every request with the
// standardwebhooks library (as a host would), and answering as the test tells it to: ok, fail
// (HTTP 500), down (connection refused: the server is closed) or hang (never answers).
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export type Received = { id: string; type: string; verified: boolean; body: unknown };
export type ReceiverMode = "ok" | "fail" | "hang";

export type Receiver = {
  url: string;
  received: Received[];
  mode: ReceiverMode;
  secrets: string[];
  /** TCP connections accepted so far (keep-alive reuse shows as fewer connections than deliveries). */
  connections: number;
  /** Stops listening (deliveries then fail to connect) and starts again on the same port. */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
  waitFor(count: number, timeoutMs?: number): Promise<Received[]>;
};

/** On 127.0.0.1 and a free port unless told (another loopback address, the same port as another receiver). */
export async function startReceiver({ host = "127.0.0.1", port: wantedPort = 0 } = {}): Promise<Receiver> {
  let server: Server;
  const receiver: Receiver = {
    url: "",
    received: [],
    mode: "ok",
    secrets: [],
    connections: 0,
    down: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
    up: () => listen(port),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
    async waitFor(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (receiver.received.length < count) {
        if (Date.now() > deadline) throw new Error(`receiver got ${receiver.received.length} of ${count} deliveries`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return receiver.received;
    },
  };
  const handle = async (request: IncomingMessage, respond: (status: number) => void) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const payload = Buffer.concat(chunks).toString("utf8");
    if (receiver.mode === "hang") return;
    const headers = {
      "webhook-id": String(request.headers["webhook-id"] ?? ""),
      "webhook-timestamp": String(request.headers["webhook-timestamp"] ?? ""),
      "webhook-signature": String(request.headers["webhook-signature"] ?? ""),
    };
    const verified =
      receiver.secrets.length > 0 &&
      receiver.secrets.every((secret) => {
        try {
          new Webhook(secret).verify(payload, headers);
          return true;
        } catch {
          return false;
        }
      });
    if (receiver.mode === "fail") return respond(500);
    const body = JSON.parse(payload) as { type: string };
    receiver.received.push({ id: headers["webhook-id"], type: body.type, verified, body });
    respond(verified ? 204 : 401);
  };
  const listen = (onPort: number) =>
    new Promise<void>((resolve) => {
      server = createServer((request, response) => void handle(request, (status) => response.writeHead(status).end()));
      server.on("connection", () => receiver.connections++);
      server.listen(onPort, host, () => resolve());
    });
  await listen(wantedPort);
  const port = (server!.address() as AddressInfo).port;
  receiver.url = `http://${host}:${port}/hooks`;
  return receiver;
}
