// The seam between pages/flows and a CRM provider. HubSpot implements it today; Salesforce or
// Zoho would implement the same shape and register in registry.ts, without touching the pages.
import type { ContactUpsertInput, ContactUpsertReply, RateLimitObservation } from "./contact-upsert";
import type { ConsentReply } from "./consent-calls";
import type { ContactProperty } from "./contact-properties";
import type { RatePolicy } from "./pacing/rate-policy";

export type { ContactUpsertInput, ContactUpsertOutcome, ContactUpsertReply, RateLimitObservation } from "./contact-upsert";

export type TokenSet = {
  accessToken: string;
  /** Absent when the provider keeps the previous refresh token valid. */
  refreshToken?: string;
  expiresAt: Date;
  /** What the token response said about the account: a fallback for introspection, never the source. */
  accountHint?: AccountHint;
};

export type AccountHint = { portalId?: string; scopes?: string[] };

export type AccountMetadata = {
  active: boolean;
  portalId: string;
  accountDomain?: string;
  authorizedUserEmail?: string;
  scopes: string[];
  clientId?: string;
};

export type ScopeReport = {
  granted: string[];
  missingRequired: string[];
  missingOptional: string[];
};

export type ApiCheckResult = {
  ok: boolean;
  message: string;
};

export type TestRecordResult = { id: string; created: boolean };

/** A contact as the CRM holds it, for agents and support: never more than these fields. */
export type FoundContact = {
  id: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  /** Whether the CRM counts it as a marketing contact; null when the CRM did not say. */
  marketingContact: boolean | null;
  createdAt: string | null;
};

export type ContactLookup = { contact: FoundContact | null; rateLimit: RateLimitObservation | null };

export interface IntegrationProvider {
  readonly id: string;
  readonly displayName: string;
  readonly requiredScopes: readonly string[];
  readonly optionalScopes: readonly string[];
  readonly redirectUri: string;
  authorizeUrl(state: string): string;
  /** Throws InvalidGrantError when the code is unknown, expired or already used. */
  exchangeCode(code: string): Promise<TokenSet>;
  /** Throws InvalidGrantError (permanent) or ProviderUnavailableError (transient). */
  refresh(refreshToken: string): Promise<TokenSet>;
  revoke(refreshToken: string): Promise<void>;
  /** Removes the app from the account altogether (every grant of it there ends). */
  uninstall(accessToken: string): Promise<void>;
  /** `hint` (from the token response) fills in only what introspection leaves out. */
  introspect(accessToken: string, hint?: AccountHint): Promise<AccountMetadata>;
  /** One cheap authenticated API call proving the token works for the data we need. */
  checkApi(accessToken: string): Promise<ApiCheckResult>;
  /** Creates or updates a clearly labelled test record and returns its provider id. */
  upsertTestRecord(accessToken: string, email: string): Promise<TestRecordResult>;
  /** Creates or updates contacts by email in one call (≤ 100); never throws for HTTP answers. */
  upsertContacts(accessToken: string, batch: readonly ContactUpsertInput[]): Promise<ContactUpsertReply>;
  /** How the provider limits calls per account: what the pacing (./pacing) follows. */
  readonly ratePolicy: RatePolicy;
  /** One contact by email (null when there is none); throws the error kinds of ./errors. */
  findContact(accessToken: string, email: string): Promise<ContactLookup>;
  /** The account's contact properties (one call): what form fields can be mapped to, and what the sync checks values against. */
  listContactProperties(accessToken: string): Promise<ConsentReply<ContactProperty[]>>;
}

export function scopeReport(provider: IntegrationProvider, granted: readonly string[]): ScopeReport {
  const grantedSet = new Set(granted);
  return {
    granted: [...granted],
    missingRequired: provider.requiredScopes.filter((scope) => !grantedSet.has(scope)),
    missingOptional: provider.optionalScopes.filter((scope) => !grantedSet.has(scope)),
  };
}
