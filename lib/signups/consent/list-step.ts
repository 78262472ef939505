// "Every synced contact joins the newsletter list": for tenants that chose a MANUAL HubSpot list,
// synced contacts not yet added are added, ≤ 100 per call per portal, paced from the shared budget.
// Adding an existing member changes nothing in HubSpot, so a repeat after a crash is harmless; ids
// HubSpot reports missing (deleted or merged away) are marked too, so they are not tried forever.
import { hasAllScopes, type ConsentDeps } from "./consent-deps";
import { isNoSlot, pacedCall } from "./paced-call";
import { cachedAccessToken } from "../sync/tenant-tokens";

const CONTACTS_PER_CALL = 100;
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
  const withWork: { portal: ListPortal; signups: NotAdded[] }[] = [];
  for (const portal of portals) {
    if (withWork.length >= CONNECTIONS_PER_PASS) break;
    const signups = await notAddedYet(deps, portal);
    if (signups.length > 0) withWork.push({ portal, signups });
  }
  const added = await Promise.all(withWork.map(({ portal, signups }) => addPortalContacts(deps, portal, signups)));
  return added.reduce((sum, count) => sum + count, 0);
}

type NotAdded = { id: string; hubspotContactId: string | null };

function notAddedYet(deps: ConsentDeps, { tenantId, connectionId }: ListPortal): Promise<NotAdded[]> {
  return deps.db.signup.findMany({
    // tenantId as well: the (status, tenantId, …) index then reads this tenant's synced rows only.
    where: { tenantId, connectionId, status: "SYNCED", listAddedAt: null, erasedAt: null, hubspotContactId: { not: null } },
    select: { id: true, hubspotContactId: true },
    orderBy: { syncedAt: "asc" },
    take: CONTACTS_PER_CALL,
  });
}

async function addPortalContacts(deps: ConsentDeps, { connectionId, portalId, listId }: ListPortal, signups: NotAdded[]): Promise<number> {
  let accessToken: string;
  try {
    accessToken = await cachedAccessToken(deps, connectionId);
  } catch {
    return 0;
  }
  const contactIds = [...new Set(signups.map((signup) => signup.hubspotContactId!))];
  const reply = await pacedCall(deps, { connectionId, portalId }, 1, deps.settings.maxRateWaitMs, () =>
    deps.consent.addToList(accessToken, listId, contactIds),
  );
  if (isNoSlot(reply) || !reply.ok) return 0;
  await deps.db.signup.updateMany({
    where: { id: { in: signups.map((signup) => signup.id) }, listAddedAt: null },
    data: { listAddedAt: new Date() },
  });
  return signups.length;
}
