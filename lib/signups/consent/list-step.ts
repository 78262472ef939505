// "Every synced contact joins the newsletter list": for tenants that chose a MANUAL HubSpot list,
// synced contacts not yet added are added, ≤ 100 per call per portal, paced from the shared budget.
// Adding an existing member changes nothing in HubSpot, so a repeat after a crash is harmless; ids
// HubSpot reports missing (deleted or merged away) are marked too, so they are not tried forever.
import { hasAllScopes, type ConsentDeps } from "./consent-deps";
import { pacedPortalBatch } from "./portal-batch";

const CONNECTIONS_PER_PASS = 50;

export async function runListStep(deps: ConsentDeps): Promise<number> {
  const connections = await deps.db.connection.findMany({
    where: {
      status: { not: "NEEDS_RECONNECT" },
      tenant: { newsletterListId: { not: null } },
      signups: { some: { status: "SYNCED", listAddedAt: null, erasedAt: null, hubspotContactId: { not: null } } },
    },
    select: { id: true, portalId: true, grantedScopes: true, tenant: { select: { newsletterListId: true } } },
    take: CONNECTIONS_PER_PASS,
  });
  const added = await Promise.all(
    connections
      .filter((connection) => hasAllScopes(connection.grantedScopes, deps.consent.listScopes))
      .map((connection) => addPortalContacts(deps, connection.id, connection.portalId, connection.tenant.newsletterListId!)),
  );
  return added.reduce((sum, count) => sum + count, 0);
}

async function addPortalContacts(deps: ConsentDeps, connectionId: string, portalId: string, listId: string): Promise<number> {
  const batch = await pacedPortalBatch(
    deps,
    { connectionId, portalId },
    {
      where: { status: "SYNCED", listAddedAt: null },
      maxWaitMs: deps.settings.maxRateWaitMs,
      call: (accessToken, contactIds) => deps.consent.addToList(accessToken, listId, contactIds),
    },
  );
  if (!batch) return 0;
  await deps.db.signup.updateMany({ where: { id: { in: batch.signupIds }, listAddedAt: null }, data: { listAddedAt: new Date() } });
  return batch.signupIds.length;
}
