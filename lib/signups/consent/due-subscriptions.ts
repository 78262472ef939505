// Which synced signups still need their subscription step, leased to this worker: synced to a
// connection that granted the subscription scope, of a tenant that chose a subscription type, not
// erased, not leased by another worker (a compare-and-swap on the lease per row). A signup found
// opted out (or refused) that was synced again since — the person signed up anew — is looked at
// again; the step still reads first, so HubSpot's opt-out still wins.
import type { SubscriptionReading } from "@/lib/integrations/consent-calls";
import { SUBSCRIPTION_LEASE_MS, type ConsentDeps } from "./consent-deps";

export type DueSubscription = {
  id: string;
  email: string;
  consentText: string;
  subscriptionId: string;
  connectionId: string;
  portalId: string;
  grantedScopes: string;
  leaseUntil: Date;
};

export async function takeSubscriptionLeases(deps: ConsentDeps, limit: number): Promise<DueSubscription[]> {
  const now = new Date();
  // The tenants that chose a subscription type first (an index): asked of all synced rows at once,
  // the question walked every tenant's synced contacts each round.
  const tenants = await deps.db.tenant.findMany({ where: { newsletterSubscriptionId: { not: null } }, select: { id: true } });
  if (tenants.length === 0) return [];
  const candidates = await deps.db.signup.findMany({
    where: {
      status: "SYNCED",
      tenantId: { in: tenants.map((tenant) => tenant.id) },
      erasedAt: null,
      AND: [
        { OR: [{ subscriptionLeaseUntil: null }, { subscriptionLeaseUntil: { lte: now } }] },
        {
          OR: [
            { subscriptionState: null },
            { subscriptionState: { in: ["OPTED_OUT", "FAILED"] }, syncedAt: { gt: deps.db.signup.fields.subscriptionCheckedAt } },
          ],
        },
      ],
      tenant: { newsletterSubscriptionId: { not: null } },
      connection: { is: { status: { not: "NEEDS_RECONNECT" }, grantedScopes: { contains: deps.consent.subscriptionScope } } },
    },
    select: {
      id: true,
      email: true,
      consentText: true,
      subscriptionLeaseUntil: true,
      subscriptionState: true,
      tenant: { select: { newsletterSubscriptionId: true, consentText: true } },
      connection: { select: { id: true, portalId: true, grantedScopes: true } },
    },
    orderBy: { syncedAt: "asc" },
    take: limit,
  });
  const leaseUntil = new Date(now.getTime() + SUBSCRIPTION_LEASE_MS);
  const taken: DueSubscription[] = [];
  for (const row of candidates) {
    if (!row.connection || !row.tenant.newsletterSubscriptionId) continue;
    const won = await deps.db.signup.updateMany({
      where: { id: row.id, subscriptionState: row.subscriptionState, subscriptionLeaseUntil: row.subscriptionLeaseUntil },
      data: { subscriptionLeaseUntil: leaseUntil },
    });
    if (won.count !== 1) continue;
    taken.push({
      id: row.id,
      email: row.email,
      // The text the person saw when signing up; the tenant's current text only for rows from before it was kept.
      consentText: row.consentText ?? row.tenant.consentText,
      subscriptionId: row.tenant.newsletterSubscriptionId,
      connectionId: row.connection.id,
      portalId: row.connection.portalId,
      grantedScopes: row.connection.grantedScopes,
      leaseUntil,
    });
  }
  return taken;
}

/** Opted out of the newsletter's type, or of all email: either way nothing may be written. */
export function isOptedOut(reading: SubscriptionReading): boolean {
  return reading.typeStatus === "UNSUBSCRIBED" || reading.unsubscribedFromAll;
}
