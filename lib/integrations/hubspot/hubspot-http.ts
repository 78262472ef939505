// One HTTP exchange with HubSpot over fetch: a timeout on every call, the body read as JSON
// whatever its Content-Type claims (HubSpot does not always label error bodies), and the
// rate-limit headers picked out. Transport failures become HubspotTransportError; every status
// code is handed back as it came, for failures.ts to classify.
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

export async function hubspotRequest(config: HttpConfig, request: HubspotRequest): Promise<HubspotReply> {
  const url = new URL(`${config.apiBaseUrl}${request.path}`);
  for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.set(name, value);
  const headers: Record<string, string> = { accept: "application/json" };
  if (request.accessToken) headers.authorization = `Bearer ${request.accessToken}`;
  let body: string | undefined;
  if (request.form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(request.form).toString();
  } else if (request.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(request.json);
  }
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: request.method,
      headers,
      body,
      signal: AbortSignal.timeout(config.requestTimeoutMs),
      redirect: "manual",
    });
    text = await response.text();
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    // The URL never goes into the message: a misconfigured base URL is not worth a leak risk.
    throw new HubspotTransportError(
      timedOut ? `HubSpot did not answer within ${config.requestTimeoutMs} ms` : "Could not reach HubSpot (network error)",
      timedOut,
    );
  }
  return { status: response.status, body: parseBody(text), headers: response.headers, rateLimit: readRateLimitHeaders(response.headers) };
}

function parseBody(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
