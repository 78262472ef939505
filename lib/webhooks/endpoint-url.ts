// Which URLs may receive webhooks: https only in production, and only hosts on the public internet
// (lib/webhooks/public-address.ts: global unicast, not this machine), checked on the literal host
// or on EVERY address its name resolves to, at creation and again before each delivery. The check
// hands back the address it approved, and the delivery connects to exactly that one
// (post-to-address.ts): a name that answers differently the second time never gets a
// second time. WEBHOOK_ALLOW_PRIVATE_URLS lifts the address rule for receivers next to Switchboard.
import { lookup } from "node:dns/promises";
import { canonicalAddress, isPublicAddress, ownInterfaceAddresses } from "./public-address";

export type UrlPolicy = { production: boolean; allowPrivate: boolean };

/** The policy the configuration sets: private addresses only when WEBHOOK_ALLOW_PRIVATE_URLS says so. */
export function urlPolicyFrom(env: { NODE_ENV: string; WEBHOOK_ALLOW_PRIVATE_URLS: boolean }): UrlPolicy {
  return { production: env.NODE_ENV === "production", allowPrivate: env.WEBHOOK_ALLOW_PRIVATE_URLS };
}

/** Every address a host name resolves to; the system resolver unless a test gives its own. */
export type ResolveHost = (hostname: string) => Promise<string[]>;

export type UrlCheckDeps = { resolveHost?: ResolveHost; ownAddresses?: ReadonlySet<string> };

/** An approved URL and the one address to connect to. */
export type CheckedUrl = { ok: true; url: URL; address: string } | { ok: false; reason: string };

export const systemResolveHost: ResolveHost = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

/** The form an endpoint URL is stored in: WHATWG serialisation (lower-case host, no default port). */
export function normaliseEndpointUrl(raw: string): string {
  return new URL(raw).href;
}

export async function checkEndpointUrl(raw: string, policy: UrlPolicy, deps: UrlCheckDeps = {}): Promise<CheckedUrl> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refused("Enter a full URL, like https://example.com/webhooks.");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return refused("Use an https:// URL.");
  if (url.username || url.password) return refused("Leave credentials out of the URL; verify the signature instead.");
  if (url.protocol !== "https:" && policy.production && !policy.allowPrivate) return refused("Use an https:// URL.");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!policy.allowPrivate && (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".internal"))) {
    return refused("Loopback and internal hosts are not allowed.");
  }
  const literal = canonicalAddress(host);
  const addresses = literal ? [literal] : await resolveAll(host, deps.resolveHost ?? systemResolveHost);
  const first = addresses?.[0];
  if (!addresses || first === undefined) return refused("That host name does not resolve.");
  if (!policy.allowPrivate) {
    const own = deps.ownAddresses ?? ownInterfaceAddresses();
    if (!addresses.every((address) => isPublicAddress(address, own))) {
      return refused(
        "That host points to an address that is not on the public internet (private, loopback, reserved or this server's own), which is not allowed.",
      );
    }
  }
  return { ok: true, url, address: first };
}

/** A reason the URL is refused, or null when it may be used. */
export async function refuseEndpointUrl(raw: string, policy: UrlPolicy, deps: UrlCheckDeps = {}): Promise<string | null> {
  const checked = await checkEndpointUrl(raw, policy, deps);
  return checked.ok ? null : checked.reason;
}

async function resolveAll(host: string, resolveHost: ResolveHost): Promise<string[] | null> {
  try {
    const answers = (await resolveHost(host)).map(canonicalAddress);
    // An answer that is not an address at all is as good as no answer.
    return answers.every((answer): answer is string => answer !== null) ? answers : null;
  } catch {
    return null;
  }
}

function refused(reason: string): CheckedUrl {
  return { ok: false, reason };
}
