// One HTTP exchange with HubSpot over node:http(s): a timeout on every call, the body read as JSON
// whatever its Content-Type claims (HubSpot does not always label error bodies), and the
// rate-limit headers picked out. Transport failures become HubspotTransportError; every status
// code is handed back as it came, for failures.ts to classify. Redirects are not followed.
// node:http rather than fetch: a platform's sync makes a call for every few signups, and fetch's
// web streams, Headers and AbortSignal cost the worker twice the CPU per call (0.53 vs 0.23 ms
// for a 20-contact upsert, measured side by side).
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { HubspotConfig } from "./config";
import { readRateLimitHeaders, type RateLimitObservation } from "./rate-limit-headers";

export type HubspotReply = {
  status: number;
  body: unknown;
  headers: Headers;
  rateLimit: RateLimitObservation | null;
};

export type HubspotRequest = {
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  accessToken?: string;
  json?: unknown;
  /** application/x-www-form-urlencoded body: the OAuth endpoints take parameters there only. */
  form?: Record<string, string>;
  query?: Record<string, string>;
};

/** No HTTP answer at all: refused, reset, DNS, or no reply within the timeout. */
export class HubspotTransportError extends Error {
  override name = "HubspotTransportError";
  constructor(
    message: string,
    readonly timedOut: boolean,
  ) {
    super(message);
  }
}

type HttpConfig = Pick<HubspotConfig, "apiBaseUrl" | "requestTimeoutMs">;

// Connections to HubSpot kept open between calls, one pool per process like fetch's own dispatcher;
// made when the first call goes out.
let agents: { http: HttpAgent; https: HttpsAgent } | undefined;
const MAX_SOCKETS = 256;
// An idle kept connection is closed after this long, unless the server's Keep-Alive header hints
// sooner (Node reads the hint). A server closes idle connections on its own schedule; a call that
// goes out on one it is closing fails with ECONNRESET and is retried seconds later — nothing lost,
// but delayed. Closing first (4 s, under the usual 5 s of servers that give no hint) avoids it.
const IDLE_CONNECTION_MS = 4_000;

export async function hubspotRequest(config: HttpConfig, request: HubspotRequest): Promise<HubspotReply> {
  const url = new URL(`${config.apiBaseUrl}${request.path}`);
  for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.set(name, value);
  const headers: Record<string, string | number> = { accept: "application/json" };
  if (request.accessToken) headers.authorization = `Bearer ${request.accessToken}`;
  let body: Buffer | undefined;
  if (request.form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = Buffer.from(new URLSearchParams(request.form).toString());
  } else if (request.json !== undefined) {
    headers["content-type"] = "application/json";
    body = Buffer.from(JSON.stringify(request.json));
  }
  if (body) headers["content-length"] = body.length;
  let answer: { status: number; headers: Headers; text: string };
  try {
    answer = await exchange(url, request.method, headers, body, config.requestTimeoutMs);
  } catch (error) {
    const timedOut = error instanceof TimeoutError;
    // The URL never goes into the message: a misconfigured base URL is not worth a leak risk.
    throw new HubspotTransportError(
      timedOut ? `HubSpot did not answer within ${config.requestTimeoutMs} ms` : "Could not reach HubSpot (network error)",
      timedOut,
    );
  }
  return { status: answer.status, body: parseBody(answer.text), headers: answer.headers, rateLimit: readRateLimitHeaders(answer.headers) };
}

class TimeoutError extends Error {}

function exchange(
  url: URL,
  method: string,
  headers: Record<string, string | number>,
  body: Buffer | undefined,
  timeoutMs: number,
): Promise<{ status: number; headers: Headers; text: string }> {
  agents ??= {
    http: new HttpAgent({ keepAlive: true, maxSockets: MAX_SOCKETS, timeout: IDLE_CONNECTION_MS }),
    https: new HttpsAgent({ keepAlive: true, maxSockets: MAX_SOCKETS, timeout: IDLE_CONNECTION_MS }),
  };
  const secure = url.protocol === "https:";
  return new Promise((resolve, reject) => {
    // The whole exchange, answer included, within the timeout.
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      outgoing.destroy(new TimeoutError());
    }, timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(timedOut ? new TimeoutError() : error);
    };
    const outgoing = (secure ? httpsRequest : httpRequest)(
      url,
      { method, headers, agent: secure ? agents!.https : agents!.http },
      (incoming: IncomingMessage) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("error", fail);
        incoming.on("aborted", () => fail(new Error("answer aborted")));
        incoming.on("end", () => {
          clearTimeout(timer);
          resolve({ status: incoming.statusCode ?? 0, headers: headersOf(incoming), text: Buffer.concat(chunks).toString("utf8") });
        });
      },
    );
    outgoing.on("error", fail);
    outgoing.end(body);
  });
}

function headersOf(incoming: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

function parseBody(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
