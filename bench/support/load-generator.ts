// Closed-loop HTTP load over loopback: `concurrency` clients each send their next request as
// soon as the previous answer arrives, for a fixed duration. Reports throughput and latencies.
import { Agent, request } from "node:http";

export interface LoadResult {
  requests: number;
  okResponses: number;
  statusCounts: Record<string, number>;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

export interface LoadOptions {
  url: string;
  concurrency: number;
  durationMs: number;
  /** null sends a GET without a body. */
  body: ((sequence: number) => string) | null;
  okStatus: number;
  /** Extra request headers (e.g. Authorization), and the method when it is not GET/POST by body. */
  headers?: Record<string, string>;
  method?: string;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  let sequence = 0;
  let okResponses = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  const client = async () => {
    while (performance.now() < deadline) {
      const body = options.body ? options.body(sequence++) : null;
      const sentAt = performance.now();
      const status = await send(agent, target, body, options.headers ?? {}, options.method);
      latencies.push(performance.now() - sentAt);
      statusCounts[status] = (statusCounts[status] ?? 0) + 1;
      if (status === options.okStatus) okResponses++;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (quantile: number) => latencies[Math.min(latencies.length - 1, Math.floor(quantile * latencies.length))] ?? 0;
  return {
    requests: latencies.length,
    okResponses,
    statusCounts,
    seconds: round(seconds),
    perSecond: round(okResponses / seconds),
    p50Ms: round(at(0.5)),
    p95Ms: round(at(0.95)),
    p99Ms: round(at(0.99)),
  };
}

function send(agent: Agent, target: URL, body: string | null, extraHeaders: Record<string, string>, method?: string): Promise<number> {
  const headers = {
    ...extraHeaders,
    ...(body === null ? {} : { "content-type": "application/json", "content-length": Buffer.byteLength(body) }),
  };
  return new Promise((resolve) => {
    const outgoing = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: method ?? (body === null ? "GET" : "POST"),
        headers,
      },
      (incoming) => {
        incoming.resume();
        incoming.on("end", () => resolve(incoming.statusCode ?? 0));
      },
    );
    outgoing.on("error", () => resolve(0));
    outgoing.end(body ?? undefined);
  });
}

export const round = (value: number) => Math.round(value * 100) / 100;
