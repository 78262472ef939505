// Item "marketing-contact status, read and explained": reads hs_marketable_status of synced
// contacts whose status is not known yet, one batch read per ≤ 100 contacts of a portal, paced
// with the upserts. HubSpot lets no API write it; Switchboard only shows it (marketing-summary.ts).
import type { ConsentDeps } from "./consent-deps";
import { pacedPortalBatch } from "./portal-batch";
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
  const batch = await pacedPortalBatch(
    deps,
    { connectionId, portalId },
    {
      where: { status: { in: ["SYNCED", "UNSUBSCRIBED"] }, marketingContact: null },
      // Spare capacity only: a status shown a little later costs nothing, a delayed signup does.
      maxWaitMs: 0,
      call: (accessToken, contactIds) => deps.consent.readMarketingStatus(accessToken, contactIds),
    },
  );
  if (!batch) return 0;
  await recordMarketingStatus(deps, connectionId, batch.value);
  return batch.value.size;
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
