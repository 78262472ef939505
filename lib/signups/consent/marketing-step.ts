// Item "marketing-contact status, read and explained": reads hs_marketable_status of synced
// contacts whose status is not known yet, one batch read per ≤ 100 contacts of a portal, paced
// with the upserts. HubSpot lets no API write it; Switchboard only shows it (marketing-summary.ts).
import type { ConsentDeps } from "./consent-deps";
import { isNoSlot, pacedCall } from "./paced-call";
import { cachedAccessToken } from "../sync/tenant-tokens";

const CONTACTS_PER_READ = 100;
// Portals whose marketing status one pass reads (each costs one call).
const PORTALS_PER_PASS = 50;

export async function runMarketingStep(deps: ConsentDeps): Promise<number> {
  const connections = await deps.db.connection.findMany({
    where: {
      status: { not: "NEEDS_RECONNECT" },
      signups: {
        some: { status: { in: ["SYNCED", "UNSUBSCRIBED"] }, marketingContact: null, erasedAt: null, hubspotContactId: { not: null } },
      },
    },
    select: { id: true, portalId: true },
    take: PORTALS_PER_PASS,
  });
  const read = await Promise.all(connections.map((connection) => readPortal(deps, connection.id, connection.portalId)));
  return read.reduce((sum, count) => sum + count, 0);
}

async function readPortal(deps: ConsentDeps, connectionId: string, portalId: string): Promise<number> {
  const signups = await deps.db.signup.findMany({
    where: {
      connectionId,
      status: { in: ["SYNCED", "UNSUBSCRIBED"] },
      marketingContact: null,
      erasedAt: null,
      hubspotContactId: { not: null },
    },
    select: { id: true, hubspotContactId: true },
    orderBy: { syncedAt: "asc" },
    take: CONTACTS_PER_READ,
  });
  if (signups.length === 0) return 0;
  let accessToken: string;
  try {
    accessToken = await cachedAccessToken(deps, connectionId);
  } catch {
    return 0;
  }
  const contactIds = [...new Set(signups.map((signup) => signup.hubspotContactId!))];
  const reply = await pacedCall(deps, { connectionId, portalId }, 1, 0, () => deps.consent.readMarketingStatus(accessToken, contactIds));
  if (isNoSlot(reply) || !reply.ok) return 0;
  await recordMarketingStatus(deps, connectionId, reply.value);
  return reply.value.size;
}

export async function recordMarketingStatus(
  deps: Pick<ConsentDeps, "db">,
  connectionId: string,
  statuses: Map<string, boolean>,
): Promise<void> {
  for (const marketing of [true, false]) {
    const ids = [...statuses].filter(([, value]) => value === marketing).map(([id]) => id);
    if (ids.length > 0)
      await deps.db.signup.updateMany({ where: { connectionId, hubspotContactId: { in: ids } }, data: { marketingContact: marketing } });
  }
}
