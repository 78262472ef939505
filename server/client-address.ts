// Which address a request comes from, given how many reverse proxies in front of us append to
// X-Forwarded-For. Each trusted proxy appends the address it received the request from, so with N
// of them the client is the Nth entry from the right of [...X-Forwarded-For, socket peer]; whatever
// stands further left was written by the client itself and proves nothing.

export function clientAddressOf(
  forwardedFor: string | string[] | undefined,
  socketAddress: string | undefined,
  trustedProxyHops: number,
): string | null {
  const listed = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  const chain = socketAddress ? [...listed, socketAddress] : listed;
  if (chain.length === 0) return null;
  // Fewer hops than promised proxies: the setting is off; the leftmost is the best guess left.
  return chain[Math.max(0, chain.length - 1 - trustedProxyHops)] ?? null;
}
