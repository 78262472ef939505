// Whether an IP address is on the public internet, i.e. a fit destination for a webhook. Only global
// unicast passes: ipaddr.js names the IANA special-purpose ranges (private, loopback, link-local,
// CGNAT 100.64/10, the TEST-NETs, benchmarking 198.18/15, multicast, 64:ff9b::/96 NAT64, 2002::/16
// 6to4, Teredo, ULA, documentation, IPv4-mapped …) and anything it does not name is "unicast".
// What it does not name but is no destination either is added here: IPv6 outside 2000::/3, the only
// block IANA allocates global unicast from (this catches ::/96 IPv4-compatible and 100::/64
// forms), and the machine's own interface addresses, which may well be public ones.
import { networkInterfaces } from "node:os";
import ipaddr from "ipaddr.js";

const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR("2000::/3");

/** Canonical text of an address (IPv6 compressed, zone dropped), or null when it is not one. */
export function canonicalAddress(text: string): string | null {
  const bare = text.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (!ipaddr.isValid(bare)) return null;
  // Only the four-dotted-decimal IPv4 form: inet_aton's "127.1" or "0x7f.0.0.1" are for URLs to
  // canonicalise (they do), not for this check to guess at.
  if (!bare.includes(":") && !ipaddr.IPv4.isValidFourPartDecimal(bare)) return null;
  return ipaddr.parse(bare).toString();
}

/** The addresses of this machine's own interfaces, canonical. */
export function ownInterfaceAddresses(): ReadonlySet<string> {
  const addresses = new Set<string>();
  for (const entries of Object.values(networkInterfaces())) {
    for (const entry of entries ?? []) {
      const canonical = canonicalAddress(entry.address);
      if (canonical) addresses.add(canonical);
    }
  }
  return addresses;
}

/** The ipaddr.js range name, or our own for what it leaves as "unicast"; "unicast" means public. */
export function addressRange(address: string): string {
  const canonical = canonicalAddress(address);
  if (canonical === null) return "invalid";
  const parsed = ipaddr.parse(canonical);
  const range = parsed.range();
  if (range !== "unicast") return range;
  if (parsed.kind() === "ipv6" && !(parsed as ipaddr.IPv6).match(GLOBAL_UNICAST_V6)) return "notGlobalUnicast";
  return "unicast";
}

/** True only for a global unicast address that is not one of this machine's own. */
export function isPublicAddress(address: string, ownAddresses: ReadonlySet<string> = ownInterfaceAddresses()): boolean {
  const canonical = canonicalAddress(address);
  return canonical !== null && addressRange(canonical) === "unicast" && !ownAddresses.has(canonical);
}
