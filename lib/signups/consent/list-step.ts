// "Every synced contact joins the newsletter list": for tenants that chose a MANUAL HubSpot list,
// synced contacts not yet added are added, ≤ 100 per call per portal, paced from the shared budget.
// Adding an existing member changes nothing in HubSpot, so a repeat after a crash is harmless; ids
// HubSpot reports missing (deleted or merged away) are marked too, so they are not tried forever.
import { hasAllScopes, type ConsentDeps } from "./consent-deps";
import { contactsNeeding, pacedContactsCall, type BatchContact } from "./portal-batch";

const CONNECTIONS_PER_PASS = 50;

type ListPortal = { tenantId: string; connectionId: string; portalId: string; listId: string };

// From the tenants that chose a list (an index), not from every connection: asked of each
// connection, "any synced contact not added yet?" walked every synced row of every tenant per round.
export async function runListStep(deps: ConsentDeps): Promise<number> {
  const tenants = await deps.db.tenant.findMany({
    where: { newsletterListId: { not: null } },
    select: {
      id: true,
      newsletterListId: true,
      connections: { where: { status: { not: "NEEDS_RECONNECT" } }, select: { id: true, portalId: true, grantedScopes: true } },
    },
    orderBy: { id: "asc" },
  });
  const portals = tenants.flatMap((tenant) =>
    tenant.connections
      .filter((connection) => hasAllScopes(connection.grantedScopes, deps.consent.listScopes))
      .map((connection) => ({
        tenantId: tenant.id,
        connectionId: connection.id,
        portalId: connection.portalId,
        listId: tenant.newsletterListId!,
      })),
  );
  const withWork: { portal: ListPortal; signups: BatchContact[] }[] = [];
  for (const portal of portals) {
    if (withWork.length >= CONNECTIONS_PER_PASS) break;
    const signups = await notAddedYet(deps, portal);
    if (signups.length > 0) withWork.push({ portal, signups });
  }
  const added = await Promise.all(withWork.map(({ portal, signups }) => addPortalContacts(deps, portal, signups)));
  return added.reduce((sum, count) => sum + count, 0);
}

function notAddedYet(deps: ConsentDeps, { tenantId, connectionId, portalId }: ListPortal): Promise<BatchContact[]> {
  return contactsNeeding(deps, { connectionId, portalId }, { tenantId, status: "SYNCED", listAddedAt: null });
}

async function addPortalContacts(
  deps: ConsentDeps,
  { connectionId, portalId, listId }: ListPortal,
  signups: BatchContact[],
): Promise<number> {
  const batch = await pacedContactsCall(deps, { connectionId, portalId }, signups, deps.settings.maxRateWaitMs, (accessToken, contactIds) =>
    deps.consent.addToList(accessToken, listId, contactIds),
  );
  if (!batch) return 0;
  await deps.db.signup.updateMany({ where: { id: { in: batch.signupIds }, listAddedAt: null }, data: { listAddedAt: new Date() } });
  return batch.signupIds.length;
}
