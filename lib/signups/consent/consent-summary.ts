// What the connection card and the signups page say about consent: how many synced contacts are
// not marketing contacts (and why that matters), how many were subscribed or had opted out, and
// what the subscription step costs per signup from the portal's rate budget.
import type { Db } from "@/lib/db/create-client";
import { consentStatusOfLatest } from "@/lib/db/statements/consent-contacts";
import { hasAllScopes, hasScope } from "./consent-deps";

export const MARKETING_CONTACTS_EXPLANATION =
  "HubSpot only sends marketing email to marketing contacts, and contacts an app creates are non-marketing " +
  "unless a portal admin turns on “Create as marketing contacts” for this app (Settings › Integrations › " +
  "Marketing contacts); it applies to contacts created after the switch. Marketing contacts count toward the " +
  "portal's marketing-contact tier, so this can raise the tenant's HubSpot bill. No API can change it: " +
  "Switchboard only reads it.";

/** `latest`: set when only the newest contacts were looked at (that many). */
export type MarketingSummary = { known: number; notMarketing: number; latest?: number };

// The summaries look at this many of the newest synced contacts: enough to show the proportion, and a
// dashboard costs the same at a million signups.
export const MARKETING_SAMPLE = 10_000;

/** Among synced contacts whose hs_marketable_status was read: how many are not marketing contacts. */
export async function marketingSummary(
  db: Db,
  scope: { tenantId: string; connectionId?: string },
  sample = MARKETING_SAMPLE,
): Promise<MarketingSummary> {
  return (await consentSummaries(db, scope, sample)).marketing;
}

export function marketingSentence({ known, notMarketing, latest }: MarketingSummary): string | null {
  if (known === 0) return null;
  if (latest !== undefined)
    return `${notMarketing} of ${known} synced contacts (of the latest ${latest.toLocaleString("en-US")}) are not marketing contacts`;
  return `${notMarketing} of ${known} synced contacts are not marketing contacts`;
}

/** `latest`: set when only the newest contacts were looked at (that many). */
export type SubscriptionSummary = { subscribed: number; optedOut: number; failed: number; latest?: number };

/**
 * Both summaries of the latest synced contacts (see MARKETING_SAMPLE) from one read: the marketing
 * status, and the subscription states the subscription step left.
 */
export async function consentSummaries(
  db: Db,
  scope: { tenantId: string; connectionId?: string },
  sample = MARKETING_SAMPLE,
): Promise<{ marketing: MarketingSummary; subscriptions: SubscriptionSummary }> {
  const read = await consentStatusOfLatest(db, scope, sample);
  const latest = read.considered < sample ? {} : { latest: sample };
  return {
    marketing: { known: read.known, notMarketing: read.notMarketing, ...latest },
    subscriptions: { subscribed: read.subscribed, optedOut: read.optedOut, failed: read.subscriptionFailed, ...latest },
  };
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
