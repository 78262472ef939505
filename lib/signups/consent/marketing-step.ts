// Item "marketing-contact status, read and explained": reads hs_marketable_status of synced
// contacts whose status is not known yet, one batch read per ≤ 100 contacts of a portal, paced
// with the upserts. HubSpot lets no API write it; Switchboard only shows it (marketing-summary.ts).
import { selectContactsWithoutMarketingStatus } from "@/lib/db/statements/consent-contacts";
import type { ConsentDeps } from "./consent-deps";
import { CONTACTS_PER_CALL, pacedContactsCall } from "./portal-batch";
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
    select: { id: true, tenantId: true, portalId: true },
    take: PORTALS_PER_PASS,
  });
  const read = await Promise.all(connections.map((connection) => readPortal(deps, connection)));
  return read.reduce((sum, count) => sum + count, 0);
}

async function readPortal(deps: ConsentDeps, connection: { id: string; tenantId: string; portalId: string }): Promise<number> {
  const { id: connectionId, tenantId, portalId } = connection;
  const contacts = await selectContactsWithoutMarketingStatus(deps.db, { tenantId, connectionId }, CONTACTS_PER_CALL);
  // Spare capacity only (no wait for a slot): a status shown a little later costs nothing, a delayed signup does.
  const batch = await pacedContactsCall(deps, { connectionId, portalId }, contacts, 0, (accessToken, contactIds) =>
    deps.consent.readMarketingStatus(accessToken, contactIds),
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
      // Only rows that change: another signup of the same contact may have its status already.
      await deps.db.signup.updateMany({
        where: { connectionId, hubspotContactId: { in: ids }, OR: [{ marketingContact: null }, { marketingContact: !marketing }] },
        data: { marketingContact: marketing },
      });
  }
}
