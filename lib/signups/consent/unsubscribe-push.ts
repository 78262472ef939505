// Unsubscribes made through Switchboard (the link, the host's API) reach HubSpot here: every signup
// flagged hubspotUnsubscribePending (unsubscribe-signup.ts) gets statusState UNSUBSCRIBED for the
// tenant's newsletter type — by email, since the contact may exist in HubSpot even when no contact id
// came back (an unsubscribe that raced a push) — and the flag is cleared once HubSpot has it. A row
// whose subscription step is in flight waits for it, so a late subscribe can never undo the unsubscribe.
// Without a chosen type or the subscription scope the flag stays set, and is pushed once both exist.
import { isNoSlot, pacedCall } from "./paced-call";
import { cachedAccessToken } from "../sync/tenant-tokens";
import { resolveDestinations } from "../sync/destination";
import { hasScope, type ConsentDeps } from "./consent-deps";

const UNSUBSCRIBES_PER_PASS = 100;
export const UNSUBSCRIBE_EXPLANATION =
  "The person unsubscribed from the newsletter (unsubscribe link or the publisher's API, through Switchboard).";

export async function runUnsubscribePush(deps: ConsentDeps): Promise<number> {
  const now = new Date();
  const pending = await deps.db.signup.findMany({
    where: {
      hubspotUnsubscribePending: true,
      erasedAt: null,
      OR: [{ subscriptionLeaseUntil: null }, { subscriptionLeaseUntil: { lte: now } }],
      tenant: { newsletterSubscriptionId: { not: null } },
    },
    select: { id: true, tenantId: true, email: true, connectionId: true, tenant: { select: { newsletterSubscriptionId: true } } },
    take: UNSUBSCRIBES_PER_PASS,
  });
  if (pending.length === 0) return 0;
  const destinations = await resolveDestinations(deps.db, [...new Set(pending.map((row) => row.tenantId))]);
  const connectionIds = [
    ...new Set(pending.map((row) => row.connectionId ?? destinations.get(row.tenantId)?.connectionId).filter((id): id is string => !!id)),
  ];
  const connections = new Map(
    (
      await deps.db.connection.findMany({
        where: { id: { in: connectionIds }, status: { not: "NEEDS_RECONNECT" } },
        select: { id: true, portalId: true, grantedScopes: true },
      })
    ).map((connection) => [connection.id, connection]),
  );
  let pushed = 0;
  for (const row of pending) {
    const connection = connections.get(row.connectionId ?? destinations.get(row.tenantId)?.connectionId ?? "");
    if (!connection || !hasScope(connection.grantedScopes, deps.consent.subscriptionScope)) continue;
    let accessToken: string;
    try {
      accessToken = await cachedAccessToken(deps, connection.id);
    } catch {
      continue;
    }
    const portal = { connectionId: connection.id, portalId: connection.portalId };
    const reply = await pacedCall(deps, portal, 1, deps.settings.maxRateWaitMs, () =>
      deps.consent.unsubscribe(accessToken, row.email, row.tenant.newsletterSubscriptionId!, UNSUBSCRIBE_EXPLANATION),
    );
    if (isNoSlot(reply)) break;
    if (!reply.ok) {
      // A verdict on the address (HubSpot refuses it): nothing to unsubscribe there; otherwise try later.
      if (reply.failure.kind === "invalid-data")
        await deps.db.signup.updateMany({
          where: { id: row.id },
          data: { hubspotUnsubscribePending: false, subscriptionError: reply.failure.reason.slice(0, 500) },
        });
      continue;
    }
    await deps.db.signup.updateMany({
      where: { id: row.id },
      data: { hubspotUnsubscribePending: false, subscriptionState: "OPTED_OUT", subscriptionCheckedAt: new Date() },
    });
    pushed++;
  }
  return pushed;
}
