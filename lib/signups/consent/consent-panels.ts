// The consent facts of each connection card (consent-summary.ts), loaded for one tenant's page.
import type { Db } from "@/lib/db/create-client";
import { BATCH_STATUS_READ_SCOPE, SUBSCRIPTION_SCOPE } from "@/lib/integrations/hubspot/communication-preferences";
import { callsPerSignup, consentSummaries, marketingSentence, MARKETING_CONTACTS_EXPLANATION } from "./consent-summary";

export type ConsentPanelFacts = {
  missingRequired: string[];
  subscriptionScope: string;
  subscriptionScopeGranted: boolean;
  subscriptionChosen: boolean;
  callsPerSignup: string;
  subscribed: number;
  optedOut: number;
  /** Set when the counts are of the latest this many synced contacts only. */
  subscriptionsOfLatest: number | null;
  marketingSentence: string | null;
  marketingExplanation: string;
};

type CardConnection = { id: string; scopes: { granted: string[]; missingRequired: string[] } };

export async function loadConsentPanels(db: Db, tenantId: string, connections: CardConnection[]): Promise<Map<string, ConsentPanelFacts>> {
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { newsletterSubscriptionId: true } });
  const subscriptionChosen = !!tenant?.newsletterSubscriptionId;
  const panels = new Map<string, ConsentPanelFacts>();
  for (const connection of connections) {
    const granted = connection.scopes.granted.join(" ");
    const { marketing, subscriptions } = await consentSummaries(db, { tenantId, connectionId: connection.id });
    panels.set(connection.id, {
      missingRequired: connection.scopes.missingRequired,
      subscriptionScope: SUBSCRIPTION_SCOPE,
      subscriptionScopeGranted: connection.scopes.granted.includes(SUBSCRIPTION_SCOPE),
      subscriptionChosen,
      callsPerSignup: callsPerSignup(granted, SUBSCRIPTION_SCOPE, [BATCH_STATUS_READ_SCOPE], subscriptionChosen),
      subscribed: subscriptions.subscribed,
      optedOut: subscriptions.optedOut,
      subscriptionsOfLatest: subscriptions.latest ?? null,
      marketingSentence: marketingSentence(marketing),
      marketingExplanation: MARKETING_CONTACTS_EXPLANATION,
    });
  }
  return panels;
}
