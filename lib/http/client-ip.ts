// The caller's address for per-IP throttling. Under `npm start` the server has already replaced
// X-Forwarded-For with the one address its trusted proxies vouch for (server/client-address.ts).
// Elsewhere the LAST hop is the one added by the nearest proxy (or Next's own server); earlier hops
// are whatever the client chose to send.
export function clientIpFrom(headers: { get(name: string): string | null }): string | null {
  const forwarded = headers.get("x-forwarded-for");
  const hops =
    forwarded
      ?.split(",")
      .map((hop) => hop.trim())
      .filter(Boolean) ?? [];
  const ip = hops.at(-1) ?? headers.get("x-real-ip")?.trim();
  return ip ? ip.slice(0, 64) : null;
}
