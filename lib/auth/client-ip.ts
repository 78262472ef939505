// The caller's address for per-IP throttling. The LAST x-forwarded-for hop is the one added by the
// nearest proxy (Next's own server or ours); earlier hops are whatever the client chose to send.
export function clientIpFrom(headers: { get(name: string): string | null }): string | null {
  const forwarded = headers.get("x-forwarded-for");
  const hops = forwarded?.split(",").map((hop) => hop.trim()).filter(Boolean) ?? [];
  const ip = hops.at(-1) ?? headers.get("x-real-ip")?.trim();
  return ip ? ip.slice(0, 64) : null;
}
