// What the connection card and the signups page say about consent: how many synced contacts are
// not marketing contacts (and why that matters), how many were subscribed or had opted out, and
// what the subscription step costs per signup from the portal's rate budget.
import type { Db } from "@/lib/db/create-client";
import { hasAllScopes, hasScope } from "./consent-deps";

export const MARKETING_CONTACTS_EXPLANATION =
  "HubSpot only sends marketing email to marketing contacts, and contacts an app creates are non-marketing " +
  "unless a portal admin turns on “Create as marketing contacts” for this app (Settings › Integrations › " +
  "Marketing contacts); it applies to contacts created after the switch. Marketing contacts count toward the " +
  "portal's marketing-contact tier, so this can raise the tenant's HubSpot bill. No API can change it: " +
  "Switchboard only reads it.";

export type MarketingSummary = { known: number; notMarketing: number };

/** Among synced contacts whose hs_marketable_status was read: how many are not marketing contacts. */
export async function marketingSummary(db: Db, where: { tenantId: string } | { connectionId: string }): Promise<MarketingSummary> {
  const base = { ...where, status: { in: ["SYNCED", "UNSUBSCRIBED"] as ("SYNCED" | "UNSUBSCRIBED")[] }, erasedAt: null };
  const [known, notMarketing] = await Promise.all([
    db.signup.count({ where: { ...base, marketingContact: { not: null } } }),
    db.signup.count({ where: { ...base, marketingContact: false } }),
  ]);
  return { known, notMarketing };
}

export function marketingSentence({ known, notMarketing }: MarketingSummary): string | null {
  if (known === 0) return null;
  return `${notMarketing} of ${known} synced contacts are not marketing contacts`;
}

export type SubscriptionSummary = { subscribed: number; optedOut: number; failed: number };

export async function subscriptionSummary(db: Db, connectionId: string): Promise<SubscriptionSummary> {
  const groups = await db.signup.groupBy({
    by: ["subscriptionState"],
    where: { connectionId, erasedAt: null, subscriptionState: { not: null } },
    _count: true,
  });
  const count = (state: string) => groups.find((group) => group.subscriptionState === state)?._count ?? 0;
  return { subscribed: count("SUBSCRIBED"), optedOut: count("OPTED_OUT"), failed: count("FAILED") };
}

/**
 * HubSpot requests per new signup: the contact upsert (one per batch of 100) plus, with the
 * subscription scope, reading the type status and the unsubscribe-all status (two calls, or two
 * per batch with the Enterprise batch scope) and the subscribe call, plus the marketing-status read.
 */
export function callsPerSignup(
  grantedScopes: string,
  subscriptionScope: string,
  batchScopes: readonly string[],
  subscriptionChosen: boolean,
): string {
  const upsert = 0.01;
  const marketing = hasScope(grantedScopes, "crm.objects.contacts.read") ? 0.01 : 0;
  if (!subscriptionChosen || !hasScope(grantedScopes, subscriptionScope)) return format(upsert + marketing);
  const reads = hasAllScopes(grantedScopes, batchScopes) ? 0.02 : 2;
  return format(upsert + marketing + reads + 1);
}

function format(calls: number): string {
  return calls.toFixed(2).replace(/\.?0+$/, "");
}
