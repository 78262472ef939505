// What the consent side of the sync asks of a CRM provider: the email subscription types a
// tenant can choose from, a contact's subscription as the CRM holds it, subscribing with a legal
// basis, and whether contacts are marketing contacts. Provider-neutral like contact-upsert.ts:
// every call answers a ConsentReply, never throws for an HTTP answer.
import type { RateLimitObservation } from "./contact-upsert";

export type SubscriptionType = { id: string; name: string; description: string };

/** A static contact list (HubSpot: processingType MANUAL) that contacts can be added to. */
export type StaticList = { id: string; name: string };
/** Contact ids the CRM did not know (deleted or merged away); everyone else is a member now. */
export type ListMembershipResult = { missing: string[] };

/** The contact's status for one subscription type, and whether it opted out of all email. */
export type SubscriptionReading = {
  typeStatus: "SUBSCRIBED" | "UNSUBSCRIBED" | "NOT_SPECIFIED";
  unsubscribedFromAll: boolean;
};

export type ConsentFailure =
  | { kind: "rate-limited"; reason: string; waitMs: number; daily: boolean }
  | { kind: "transient"; reason: string; minDelayMs: number }
  | { kind: "token-rejected"; reason: string }
  | { kind: "missing-scope"; reason: string }
  /** A verdict on this contact's data (unknown address, legal basis refused): not worth retrying. */
  | { kind: "invalid-data"; reason: string }
  | { kind: "unexpected"; reason: string };

/** `calls`: how many requests the answer cost (each came out of the portal's rate budget). */
export type ConsentReply<T> = ({ ok: true; value: T } | { ok: false; failure: ConsentFailure }) & {
  rateLimit: RateLimitObservation | null;
  calls: number;
};

export interface ConsentProvider {
  /** The scope that lets the app read and write subscription statuses (optional: without it contacts still sync). */
  readonly subscriptionScope: string;
  /** Scopes that unlock reading statuses of many contacts in one call (Marketing Hub Enterprise). */
  readonly batchStatusScopes: readonly string[];
  listSubscriptionTypes(accessToken: string): Promise<ConsentReply<SubscriptionType[]>>;
  /** Two reads: the type's status and the unsubscribe-from-all status. */
  readSubscription(accessToken: string, email: string, subscriptionId: string): Promise<ConsentReply<SubscriptionReading>>;
  /** Reads many contacts' statuses in one call; only with batchStatusScopes. Keyed by lowercased email. */
  readSubscriptionsBatch(
    accessToken: string,
    emails: readonly string[],
    subscriptionId: string,
  ): Promise<ConsentReply<Map<string, SubscriptionReading>>>;
  /** Subscribes with consent given after notice, the consent text as the explanation. */
  subscribe(accessToken: string, email: string, subscriptionId: string, consentText: string): Promise<ConsentReply<void>>;
  /** Unsubscribes from the type: the person asked through Switchboard (link, API); `reason` says how. */
  unsubscribe(accessToken: string, email: string, subscriptionId: string, reason: string): Promise<ConsentReply<void>>;
  /** Scopes that let the app list static lists and add members (optional). */
  readonly listScopes: readonly string[];
  listStaticLists(accessToken: string): Promise<ConsentReply<StaticList[]>>;
  addToList(accessToken: string, listId: string, contactIds: readonly string[]): Promise<ConsentReply<ListMembershipResult>>;
  /** Marketing-contact status by contact id (read-only in the CRM), ≤ 100 ids a call. */
  readMarketingStatus(accessToken: string, contactIds: readonly string[]): Promise<ConsentReply<Map<string, boolean>>>;
}
