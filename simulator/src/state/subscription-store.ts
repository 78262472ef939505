// Communication preferences per portal: the subscription types ("definitions") and each email
// address's status per type, plus the portal-wide "unsubscribed from all email" flag. Keyed by
// lowercased email, as HubSpot keys statuses by subscriber, not by contact id.

export type StatusState = "SUBSCRIBED" | "UNSUBSCRIBED" | "NOT_SPECIFIED";

export interface SubscriptionDefinition {
  id: number;
  name: string;
  description: string;
  purpose: string;
  communicationMethod: "Email";
  isActive: boolean;
  isDefault: boolean;
  isInternal: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface StoredStatus {
  status: Exclude<StatusState, "NOT_SPECIFIED">;
  source: string;
  legalBasis: string | null;
  legalBasisExplanation: string | null;
  timestamp: number;
}

interface PortalPreferences {
  definitions: SubscriptionDefinition[];
  statuses: Map<string, Map<number, StoredStatus>>;
  unsubscribedFromAll: Map<string, { source: string; timestamp: number }>;
}

/** Seeded types: two ordinary ones, HubSpot's internal "One to One" and a retired (inactive) one. */
const SEEDS = [
  { name: "Newsletter", description: "The monthly newsletter", purpose: "Marketing", isActive: true, isDefault: false, isInternal: false },
  {
    name: "Product updates",
    description: "News about the product",
    purpose: "Marketing",
    isActive: true,
    isDefault: false,
    isInternal: false,
  },
  { name: "One to One", description: "One to one emails", purpose: "Sales", isActive: true, isDefault: true, isInternal: true },
  {
    name: "Spring promotions 2024",
    description: "A retired campaign",
    purpose: "Marketing",
    isActive: false,
    isDefault: false,
    isInternal: false,
  },
];

/** Ids differ per portal (portalId × 1000 + n), so an app that hard-codes one portal's ids fails elsewhere. */
export function seededDefinitionId(portalId: number, index: number): number {
  return portalId * 1000 + index + 1;
}

export class SubscriptionStore {
  private portals = new Map<number, PortalPreferences>();

  private portal(portalId: number): PortalPreferences {
    let found = this.portals.get(portalId);
    if (!found) {
      const now = Date.now();
      const definitions = SEEDS.map((seed, index) => ({
        ...seed,
        id: seededDefinitionId(portalId, index),
        communicationMethod: "Email" as const,
        createdAt: now,
        updatedAt: now,
      }));
      found = { definitions, statuses: new Map(), unsubscribedFromAll: new Map() };
      this.portals.set(portalId, found);
    }
    return found;
  }

  definitions(portalId: number): readonly SubscriptionDefinition[] {
    return this.portal(portalId).definitions;
  }

  definition(portalId: number, id: number): SubscriptionDefinition | undefined {
    return this.portal(portalId).definitions.find((definition) => definition.id === id);
  }

  addDefinition(portalId: number, fields: Omit<SubscriptionDefinition, "id" | "createdAt" | "updatedAt">): SubscriptionDefinition {
    const definitions = this.portal(portalId).definitions;
    const now = Date.now();
    const definition = { ...fields, id: seededDefinitionId(portalId, definitions.length), createdAt: now, updatedAt: now };
    definitions.push(definition);
    return definition;
  }

  status(portalId: number, email: string, subscriptionId: number): StoredStatus | undefined {
    return this.portal(portalId).statuses.get(email.toLowerCase())?.get(subscriptionId);
  }

  /** Sets (or, with NOT_SPECIFIED, clears) one status; returns what was there before. */
  setStatus(
    portalId: number,
    email: string,
    subscriptionId: number,
    state: StatusState,
    fields: Omit<StoredStatus, "status" | "timestamp">,
  ): StoredStatus | undefined {
    const statuses = this.portal(portalId).statuses;
    const key = email.toLowerCase();
    let byType = statuses.get(key);
    if (!byType) statuses.set(key, (byType = new Map()));
    const previous = byType.get(subscriptionId);
    if (state === "NOT_SPECIFIED") byType.delete(subscriptionId);
    else byType.set(subscriptionId, { ...fields, status: state, timestamp: Date.now() });
    return previous;
  }

  unsubscribedFromAll(portalId: number, email: string): { source: string; timestamp: number } | undefined {
    return this.portal(portalId).unsubscribedFromAll.get(email.toLowerCase());
  }

  setUnsubscribedFromAll(portalId: number, email: string, source: string | null): void {
    const wide = this.portal(portalId).unsubscribedFromAll;
    if (source === null) wide.delete(email.toLowerCase());
    else wide.set(email.toLowerCase(), { source, timestamp: Date.now() });
  }

  /** Privacy deletion: HubSpot erases the person's subscription history too. */
  forget(portalId: number, email: string): void {
    const preferences = this.portal(portalId);
    preferences.statuses.delete(email.toLowerCase());
    preferences.unsubscribedFromAll.delete(email.toLowerCase());
  }

  clear(): void {
    this.portals.clear();
  }
}
