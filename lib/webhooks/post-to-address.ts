// POSTs a webhook to the address the URL check approved (endpoint-url.ts), never to whatever the
// name resolves to a moment later (DNS rebinding): the connection's lookup is answered with that
// address, while the Host header, TLS server name and certificate check still use the URL's host
// name. Redirects are not followed (node:http never does).
import { request as httpRequest, type Agent, type RequestOptions } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { isIPv6 } from "node:net";

export type WebhookPost = {
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** A keep-alive agent for exactly this URL and address (receiver-connections.ts); none: a connection of its own. */
  agent?: Agent;
};

// An answer's body is read (so its connection can carry the next delivery) up to this much; a
// receiver answering at length loses the connection instead of costing us the transfer.
const MAX_DRAINED_BYTES = 64 * 1024;

export type PostOutcome = { kind: "answered"; status: number } | { kind: "timeout" } | { kind: "network" };

function pinnedLookup(address: string): LookupFunction {
  const family = isIPv6(address) ? 6 : 4;
  return (_hostname, options, callback) => {
    // With autoSelectFamily (Node's default) net asks for every address at once.
    if ((options as { all?: boolean }).all)
      (callback as (error: null, addresses: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

/** `address` is what checkEndpointUrl approved for `url`; nothing is resolved again. */
export function postToAddress(url: URL, address: string, post: WebhookPost): Promise<PostOutcome> {
  const signal = AbortSignal.timeout(post.timeoutMs);
  const body = Buffer.from(post.body, "utf8");
  const options: RequestOptions = {
    method: "POST",
    hostname: url.hostname.replace(/^\[|\]$/g, ""),
    port: url.port || (url.protocol === "https:" ? 443 : 80),
    path: `${url.pathname}${url.search}`,
    headers: { ...post.headers, "content-length": String(body.byteLength) },
    lookup: pinnedLookup(address),
    // Pooled only per approved address: a socket from any other pool might lead to an address checked earlier.
    agent: post.agent ?? false,
    signal,
  };
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const outgoing = send(options, (incoming) => {
      resolve({ kind: "answered", status: incoming.statusCode ?? 0 });
      let drained = 0;
      incoming.on("data", (chunk: Buffer) => {
        drained += chunk.byteLength;
        if (drained > MAX_DRAINED_BYTES) incoming.destroy();
      });
      incoming.on("error", () => {
        // Answered already; a body cut short only costs the connection.
      });
    });
    outgoing.on("error", () => resolve(signal.aborted ? { kind: "timeout" } : { kind: "network" }));
    outgoing.end(body);
  });
}
