// The portal's contact properties for the check of mapped form fields (../fields/mapped-properties.ts):
// read only for tenants that map a field, at most once a minute per portal and worker (never per
// batch), and through the portal's paced budget like the consent calls. Concurrent passes share one
// read. A read that fails (or finds no slot) is remembered for one rate window as "unknown": the
// values then go unchecked and the CRM's own validation decides.
import type { ContactProperty } from "@/lib/integrations/contact-properties";
import { isNoSlot, pacedCall } from "../consent/paced-call";
import type { Destination } from "./destination";
import type { SyncDeps } from "./sync-deps";

export type PortalPropertyMap = ReadonlyMap<string, ContactProperty>;

const REUSE_MS = 60_000;
const UNKNOWN_REUSE_MS = 10_000;
const MAX_PORTALS = 1_000;

type Entry = { properties: Promise<PortalPropertyMap | null>; until: number };

const cacheByDeps = new WeakMap<SyncDeps, Map<string, Entry>>();

export function portalProperties(deps: SyncDeps, destination: Destination, accessToken: string): Promise<PortalPropertyMap | null> {
  let cache = cacheByDeps.get(deps);
  if (!cache) {
    cache = new Map();
    cacheByDeps.set(deps, cache);
  }
  const now = Date.now();
  const cached = cache.get(destination.connectionId);
  if (cached && cached.until > now) return cached.properties;
  if (cache.size >= MAX_PORTALS) cache.delete(cache.keys().next().value!);
  const entry: Entry = { properties: read(deps, destination, accessToken), until: now + REUSE_MS };
  cache.delete(destination.connectionId);
  cache.set(destination.connectionId, entry);
  void entry.properties.then((properties) => {
    if (!properties) entry.until = Math.min(entry.until, Date.now() + UNKNOWN_REUSE_MS);
  });
  return entry.properties;
}

async function read(deps: SyncDeps, destination: Destination, accessToken: string): Promise<PortalPropertyMap | null> {
  try {
    const reply = await pacedCall(deps, destination, 1, deps.settings.maxRateWaitMs, () => deps.crm.listContactProperties(accessToken));
    if (isNoSlot(reply) || !reply.ok) return null;
    return new Map(reply.value.map((property) => [property.name, property]));
  } catch {
    return null;
  }
}
