// Which URLs may receive webhooks: https only in production, and never loopback, private,
// link-local or otherwise internal addresses (checked on the literal host and on every address
// its name resolves to, at creation and again before each delivery), unless the operator allows
// them with WEBHOOK_ALLOW_PRIVATE_URLS for receivers next to Switchboard.
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

// Two lists: Node's BlockList matches IPv4 addresses against IPv4-mapped IPv6 rules too.
const internalV4 = new BlockList();
const internalV6 = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) internalV4.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8], ["::ffff:0:0", 96]] as const) {
  internalV6.addSubnet(network, prefix, "ipv6");
}

export type UrlPolicy = { production: boolean; allowPrivate: boolean };

export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return family === 4 ? internalV4.check(address, "ipv4") : internalV6.check(address, "ipv6");
}

/** A reason the URL is refused, or null when it may be used. */
export async function refuseEndpointUrl(raw: string, policy: UrlPolicy): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full URL, like https://example.com/webhooks.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "Use an https:// URL.";
  if (url.username || url.password) return "Leave credentials out of the URL; verify the signature instead.";
  if (policy.allowPrivate) return null;
  if (url.protocol !== "https:" && policy.production) return "Use an https:// URL.";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".internal")) return "Loopback and internal hosts are not allowed.";
  const addresses = isIP(host) ? [host] : await resolve(host);
  if (addresses === null) return "That host name does not resolve.";
  if (addresses.some(isInternalAddress)) return "That host points to a loopback or private address, which is not allowed.";
  return null;
}

async function resolve(host: string): Promise<string[] | null> {
  try {
    return (await lookup(host, { all: true })).map((entry) => entry.address);
  } catch {
    return null;
  }
}
