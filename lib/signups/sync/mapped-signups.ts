// Before a tenant's claimed signups are pushed: each gets the contact properties its mapped form
// fields carry (../fields/mapped-properties.ts), checked against the portal's properties (read at
// most once a minute, portal-properties.ts, and only when the tenant maps a field). A signup that
// cannot be sent so ends FAILED with the reason, counted like one the CRM refused; the rest go on.
import { metrics } from "@/lib/metrics/registry";
import { mappedProperties } from "../fields/mapped-properties";
import { enabledFields } from "../fields/signup-fields";
import type { ClaimedSignup } from "./claim-signups";
import type { Destination } from "./destination";
import { portalProperties } from "./portal-properties";
import { recordSynced } from "./record-outcomes";
import type { SyncDeps } from "./sync-deps";
import { recordSyncHealth } from "./sync-health";

export type ReadySignup = ClaimedSignup & { properties: Record<string, string> };

export async function withMappedProperties(
  deps: SyncDeps,
  destination: Destination,
  accessToken: string,
  signups: ClaimedSignup[],
): Promise<ReadySignup[]> {
  if (enabledFields(destination.signupFields).length === 0) return signups.map((signup) => ({ ...signup, properties: {} }));
  const portal = await portalProperties(deps, destination, accessToken);
  const ready: ReadySignup[] = [];
  const refused: { signup: ClaimedSignup; reason: string }[] = [];
  for (const signup of signups) {
    const mapped = mappedProperties(signup, destination.signupFields, portal);
    if (mapped.ok) ready.push({ ...signup, properties: mapped.properties });
    else refused.push({ signup, reason: mapped.reason });
  }
  if (refused.length > 0) {
    await recordSynced(deps, destination.connectionId, [], refused);
    metrics().contactsFailed.inc(refused.length);
    await recordSyncHealth(deps, destination.connectionId, { synced: 0, failed: refused.length, rateLimited: 0 });
  }
  return ready;
}
