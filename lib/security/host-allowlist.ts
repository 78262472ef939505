// Which Host values the app answers. A page on any site can point its own name at this server's
// address (DNS rebinding) and then talk to it as "same origin"; the one thing it cannot choose is
// the Host its browser sends, which stays the attacker's name. So requests naming any host other
// than APP_URL's (plus ALLOWED_HOSTS, and loopback names outside production) are refused before
// anything runs: by `npm start`'s server (server/create-app-server.ts) and by Next's proxy (proxy.ts).

/** Lower-case host names (IPv6 in brackets, as in a URL), without port or trailing dot. */
export type HostAllowlist = ReadonlySet<string>;

export const LOOPBACK_HOSTNAMES = ["localhost", "127.0.0.1", "[::1]"] as const;

/** The status a refused Host gets: "this server is not the one for that name". */
export const MISDIRECTED_STATUS = 421;
export const MISDIRECTED_MESSAGE = "Misdirected request: this server does not serve that host name.\n";

// A reg-name or IPv4 address, or a bracketed IPv6 address, then an optional port; nothing else
// (no userinfo, no path, no spaces) may appear in a Host header.
const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9.])?)(?::\d{1,5})?$/i;

export type HostAllowlistSettings = {
  APP_URL: string;
  NODE_ENV: string;
  DEMO_MODE: boolean;
  /** Further host names, e.g. an address a load balancer's health check uses. */
  ALLOWED_HOSTS?: readonly string[];
};

export function hostAllowlist(settings: HostAllowlistSettings): HostAllowlist {
  const names = new Set<string>([normalise(new URL(settings.APP_URL).hostname)]);
  for (const name of settings.ALLOWED_HOSTS ?? []) names.add(normalise(name));
  // The demo and development are reached as localhost or 127.0.0.1, whatever APP_URL says.
  const production = settings.NODE_ENV === "production" && !settings.DEMO_MODE;
  if (!production) for (const name of LOOPBACK_HOSTNAMES) names.add(name);
  return names;
}

/** The host name a Host header names, normalised; null when the header is absent or malformed. */
export function hostnameOfHostHeader(header: string | null | undefined): string | null {
  const match = HOST_HEADER.exec(header?.trim() ?? "");
  if (!match?.[1]) return null;
  try {
    // The URL parser canonicalises IPv6 (and rejects a bad one) the way APP_URL was parsed.
    return normalise(new URL(`http://${match[1]}`).hostname);
  } catch {
    return null;
  }
}

export function isAllowedHost(header: string | null | undefined, allowlist: HostAllowlist): boolean {
  const hostname = hostnameOfHostHeader(header);
  return hostname !== null && allowlist.has(hostname);
}

function normalise(hostname: string): string {
  return hostname.trim().toLowerCase().replace(/\.$/, "");
}
