import { z } from "zod";

// Every scope name the simulator knows, and which of them the communication-preferences API
// accepts. HUBSPOT-2026-03.md §0: whether HubSpot's wire names are `communication_preferences.*`
// or the 2026-03 guide's granular `subscriptions-*` names is unconfirmed, so the names the
// endpoints accept live in one configurable list (config `communicationPreferencesScopes`).

export const COMMUNICATION_PREFERENCES_SCOPE_NAMES = [
  "communication_preferences.read",
  "communication_preferences.write",
  "communication_preferences.read_write",
  // Marketing Hub Enterprise only: the batch status endpoints.
  "communication_preferences.statuses.batch.read",
  "communication_preferences.statuses.batch.write",
  // The granular names the 2026-03 guide prints.
  "subscriptions-definition-read",
  "subscriptions-status-read",
  "subscriptions-status-write",
] as const;

// Scopes the simulator knows about; a requested scope outside this list makes the
// authorize request invalid, as HubSpot refuses apps asking for unknown scopes.
export const KNOWN_SCOPES = [
  "oauth",
  "crm.objects.contacts.read",
  "crm.objects.contacts.write",
  "crm.schemas.contacts.read",
  "crm.schemas.contacts.write",
  "crm.lists.read",
  "crm.lists.write",
  ...COMMUNICATION_PREFERENCES_SCOPE_NAMES,
  "forms",
] as const;

const anyOf = z.array(z.string().min(1)).min(1);

/** For each kind of call, the scopes of which a token needs any one. */
export const communicationPreferencesScopesSchema = z.object({ read: anyOf, write: anyOf, batchRead: anyOf, batchWrite: anyOf }).strict();
export type CommunicationPreferencesScopes = z.infer<typeof communicationPreferencesScopesSchema>;

export const DEFAULT_COMMUNICATION_PREFERENCES_SCOPES: CommunicationPreferencesScopes = {
  read: ["communication_preferences.read", "communication_preferences.read_write"],
  write: ["communication_preferences.write", "communication_preferences.read_write"],
  batchRead: ["communication_preferences.statuses.batch.read"],
  batchWrite: ["communication_preferences.statuses.batch.write"],
};

/** Known scopes plus any name configured for communication preferences. */
export function isKnownScope(scope: string, configured: CommunicationPreferencesScopes): boolean {
  if ((KNOWN_SCOPES as readonly string[]).includes(scope)) return true;
  return Object.values(configured).some((names) => names.includes(scope));
}
