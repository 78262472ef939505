// HubSpot sends no event when someone opts out of email, so opt-outs are read back. The poll spends
// only a portal's spare budget: it takes a slot only when one is free at once (never waits, so it
// never slows the signup sync) and looks at a few contacts per portal per round:
//   1. recently synced contacts first (synced in the last RECENT_DAYS, not read for RECENT_RECHECK_MS):
//      the first newsletters are when most people unsubscribe;
//   2. then a rolling sample of everyone else, least recently read first, each at most once per
//      OLDER_RECHECK_MS — so every subscribed contact is read again at a steady pace.
// With the Enterprise batch scope a round reads its contacts in two calls instead of two per contact.
// An opt-out found (the type or all email UNSUBSCRIBED) makes the signup UNSUBSCRIBED and sends
// signup.unsubscribed; the status is never written back to HubSpot.
import type { SubscriptionReading } from "@/lib/integrations/consent-calls";
import { unsubscribeSignup } from "./unsubscribe-signup";
import { cachedAccessToken } from "../sync/tenant-tokens";
import { hasAllScopes, type ConsentDeps } from "./consent-deps";
import { isOptedOut } from "./due-subscriptions";
import { isNoSlot, pacedCall, type Portal } from "./paced-call";

export const RECENT_DAYS = 7;
export const RECENT_RECHECK_MS = 60 * 60_000;
export const OLDER_RECHECK_MS = 24 * 60 * 60_000;
// Contacts one round reads per portal without the batch scope (two calls each).
export const CONTACTS_PER_ROUND = 10;
const BATCH_CONTACTS_PER_ROUND = 100;

type Polled = { id: string; tenantId: string; email: string; hubspotContactId: string | null };

export async function runOptOutPoll(deps: ConsentDeps): Promise<number> {
  const connections = await deps.db.connection.findMany({
    where: {
      status: { not: "NEEDS_RECONNECT" },
      grantedScopes: { contains: deps.consent.subscriptionScope },
      tenant: { newsletterSubscriptionId: { not: null } },
    },
    select: { id: true, tenantId: true, portalId: true, grantedScopes: true, tenant: { select: { newsletterSubscriptionId: true } } },
  });
  const found = await Promise.all(
    connections.map((connection) =>
      pollPortal(
        deps,
        { connectionId: connection.id, portalId: connection.portalId },
        connection.tenantId,
        connection.grantedScopes,
        connection.tenant.newsletterSubscriptionId!,
      ),
    ),
  );
  return found.reduce((sum, count) => sum + count, 0);
}

async function pollPortal(
  deps: ConsentDeps,
  portal: Portal,
  tenantId: string,
  grantedScopes: string,
  subscriptionId: string,
): Promise<number> {
  const batch = hasAllScopes(grantedScopes, deps.consent.batchStatusScopes);
  const signups = await dueForPoll(deps, tenantId, portal.connectionId, batch ? BATCH_CONTACTS_PER_ROUND : CONTACTS_PER_ROUND);
  if (signups.length === 0) return 0;
  let accessToken: string;
  try {
    accessToken = await cachedAccessToken(deps, portal.connectionId);
  } catch {
    return 0;
  }
  let optedOut = 0;
  if (batch) {
    const reply = await pacedCall(deps, portal, 2, 0, () =>
      deps.consent.readSubscriptionsBatch(
        accessToken,
        signups.map((signup) => signup.email),
        subscriptionId,
      ),
    );
    if (isNoSlot(reply) || !reply.ok) return 0;
    for (const signup of signups) optedOut += await record(deps, signup, reply.value.get(signup.email.toLowerCase()));
    return optedOut;
  }
  for (const signup of signups) {
    const reply = await pacedCall(deps, portal, 2, 0, () => deps.consent.readSubscription(accessToken, signup.email, subscriptionId));
    if (isNoSlot(reply) || !reply.ok) break;
    optedOut += await record(deps, signup, reply.value);
  }
  return optedOut;
}

async function dueForPoll(deps: ConsentDeps, tenantId: string, connectionId: string, limit: number): Promise<Polled[]> {
  const now = Date.now();
  const select = { id: true, tenantId: true, email: true, hubspotContactId: true } as const;
  // tenantId as well: the (status, tenantId, …) index then reads this tenant's synced rows only.
  const base = { tenantId, connectionId, status: "SYNCED" as const, subscriptionState: "SUBSCRIBED", erasedAt: null };
  const recent = await deps.db.signup.findMany({
    where: {
      ...base,
      syncedAt: { gte: new Date(now - RECENT_DAYS * 86_400_000) },
      subscriptionCheckedAt: { lt: new Date(now - RECENT_RECHECK_MS) },
    },
    select,
    orderBy: { subscriptionCheckedAt: "asc" },
    take: limit,
  });
  if (recent.length >= limit) return recent;
  const older = await deps.db.signup.findMany({
    where: {
      ...base,
      syncedAt: { lt: new Date(now - RECENT_DAYS * 86_400_000) },
      subscriptionCheckedAt: { lt: new Date(now - OLDER_RECHECK_MS) },
    },
    select,
    orderBy: { subscriptionCheckedAt: "asc" },
    take: limit - recent.length,
  });
  return [...recent, ...older];
}

async function record(deps: ConsentDeps, signup: Polled, reading: SubscriptionReading | undefined): Promise<number> {
  const now = new Date();
  if (!reading) return 0;
  if (!isOptedOut(reading)) {
    await deps.db.signup.updateMany({ where: { id: signup.id, status: "SYNCED" }, data: { subscriptionCheckedAt: now } });
    return 0;
  }
  // The one way to Unsubscribed (status, time and signup.unsubscribed together); HubSpot already knows.
  const outcome = await unsubscribeSignup(deps.db, { id: signup.id, tenantId: signup.tenantId }, "hubspot", { tellHubspot: false, now });
  await deps.db.signup.updateMany({ where: { id: signup.id }, data: { subscriptionState: "OPTED_OUT", subscriptionCheckedAt: now } });
  return outcome === "unsubscribed" ? 1 : 0;
}
