// Keeps browsers from driving the simulator. It listens on loopback, but any page a developer opens
// can still make the browser send requests to it: a cross-origin form POST (text/plain, no
// preflight) to /_sim/faults, or a DNS-rebound hostname that resolves to 127.0.0.1. Real HubSpot
// clients (our app, the SDK, tests) are servers: they send no Origin and address us by loopback.
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";

export type GuardRefusal = { status: 403 | 415; message: string };

const WILDCARD_HOSTS = new Set(["0.0.0.0", "::", ""]);

/** Why a request is refused, or null when it may go on to the router. */
export function refuseUntrustedRequest(req: IncomingMessage, listeningHost: string): GuardRefusal | null {
  const host = req.headers.host ?? "";
  const hostname = hostnameOf(host);
  if (hostname === null || !(isLoopback(hostname) || isListeningHost(hostname, listeningHost))) {
    return { status: 403, message: "The simulator answers only requests addressed to it by a loopback host" };
  }
  const origin = req.headers.origin;
  // Only the simulator's own pages (the consent form) may post from a browser.
  if (origin !== undefined && origin !== `http://${host}`) {
    return { status: 403, message: "Cross-origin requests are not accepted" };
  }
  if (isControlPath(req) && !controlBodyIsJson(req)) {
    return { status: 415, message: "The control API takes application/json only" };
  }
  return null;
}

function isControlPath(req: IncomingMessage): boolean {
  return (req.url ?? "").startsWith("/_sim/");
}

// A body must be declared JSON; a bodiless call (reset, revoke-all) may declare nothing, but never
// a type a form can send (text/plain, urlencoded, multipart).
function controlBodyIsJson(req: IncomingMessage): boolean {
  const declared = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (declared === "application/json") return true;
  if (declared !== "") return false;
  const hasBody = req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? "0") > 0;
  return !hasBody;
}

function hostnameOf(host: string): string | null {
  const match = /^(\[[^\]]+\]|[^:]+)(?::\d{1,5})?$/.exec(host.trim());
  if (!match?.[1]) return null;
  return match[1].replace(/^\[|\]$/g, "").toLowerCase();
}

function isLoopback(hostname: string): boolean {
  if (hostname === "localhost" || hostname.endsWith(".localhost")) return true;
  if (isIP(hostname) === 4) return hostname.startsWith("127.");
  return hostname === "::1";
}

// Started on an explicit non-loopback address (HUBSPOT_SIM_HOST=10.0.0.5): callers use that name.
function isListeningHost(hostname: string, listeningHost: string): boolean {
  const listening = listeningHost.replace(/^\[|\]$/g, "").toLowerCase();
  return !WILDCARD_HOSTS.has(listening) && hostname === listening;
}
