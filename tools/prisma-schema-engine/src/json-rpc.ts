// Line-delimited JSON-RPC 2.0 over stdin/stdout, as Prisma's CLI speaks it with the schema engine.
// Requests are handled one at a time (the engine is not re-entrant). The engine side may also
// send requests of its own (the CLI's `print`), whose answers arrive on the same stdin.
import { createInterface } from "node:readline";

export interface RpcRequest {
  jsonrpc: "2.0";
  id: number | string;
  method: string;
  params?: unknown;
}

export interface RpcErrorBody {
  code: number;
  message: string;
  data: { is_panic: boolean; message: string; error_code?: string; meta?: unknown };
}

export type RpcHandler = (method: string, params: unknown) => Promise<unknown>;

export class JsonRpcChannel {
  private nextOutgoingId = 1;
  private readonly pendingOutgoing = new Map<string, (result: unknown) => void>();
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly errorBody: (error: unknown) => RpcErrorBody) {}

  /** Reads stdin until it closes; resolves after the last queued request has been answered. */
  async serve(handler: RpcHandler): Promise<void> {
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line.trim()) continue;
      const message = parseMessage(line);
      if (!message) continue;
      if ("method" in message && typeof message.method === "string") {
        const request = message as unknown as RpcRequest;
        this.queue = this.queue.then(() => this.answer(request, handler));
      } else if ("id" in message) {
        this.pendingOutgoing.get(String(message.id))?.(message.result);
        this.pendingOutgoing.delete(String(message.id));
      }
    }
    await this.queue;
  }

  /** Sends a request to the CLI and waits for its answer (used for `print`). */
  request(method: string, params: unknown): Promise<unknown> {
    const id = `engine-${this.nextOutgoingId++}`;
    return new Promise((resolve) => {
      this.pendingOutgoing.set(id, resolve);
      write({ jsonrpc: "2.0", id, method, params });
    });
  }

  private async answer(request: RpcRequest, handler: RpcHandler): Promise<void> {
    try {
      const result = await handler(request.method, request.params);
      write({ jsonrpc: "2.0", id: request.id, result: result ?? null });
    } catch (error) {
      write({ jsonrpc: "2.0", id: request.id, error: this.errorBody(error) });
    }
  }
}

function parseMessage(line: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(line);
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function write(message: unknown): void {
  process.stdout.write(JSON.stringify(message) + "\n");
}
