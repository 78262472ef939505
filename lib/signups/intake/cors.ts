// CORS for the public signup API: only origins a tenant's admins listed may read our answers
// from a browser; requests from other browser origins are refused outright.
import type { HeaderReader } from "./intake-exchange";

type WithHeaders = { headers: HeaderReader };

export type OriginVerdict = "no-origin" | "allowed" | "forbidden";

export function checkOrigin(request: WithHeaders, allowedOrigins: readonly string[], ownOrigin: string): OriginVerdict {
  const origin = request.headers.get("origin");
  // Server-to-server calls and same-origin navigations carry no (or our own) Origin.
  if (!origin || origin === ownOrigin) return "no-origin";
  return allowedOrigins.includes(origin) ? "allowed" : "forbidden";
}

export function corsHeaders(request: WithHeaders, verdict: OriginVerdict): Record<string, string> {
  if (verdict !== "allowed") return { Vary: "Origin" };
  return {
    "Access-Control-Allow-Origin": request.headers.get("origin") ?? "",
    "Access-Control-Expose-Headers": "Retry-After",
    Vary: "Origin",
  };
}

export function preflightHeaders(request: WithHeaders, verdict: OriginVerdict): Record<string, string> {
  if (verdict !== "allowed") return { Vary: "Origin" };
  return {
    ...corsHeaders(request, verdict),
    "Access-Control-Allow-Methods": "POST, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type",
    "Access-Control-Max-Age": "600",
  };
}
