// Contacts per portal. Lookups by id and by lowercased email are Map hits, so a batch
// upsert costs O(1) per input; `ordered` keeps creation order for listing and paging.

export interface Contact {
  id: string;
  /** Writable properties as set by clients (email stored lowercased, as HubSpot does). */
  properties: Record<string, string>;
  /** Further addresses of this contact; as unique across the portal as primary emails. */
  additionalEmails: string[];
  createdAt: number;
  updatedAt: number;
  /**
   * A marketing contact (hs_marketable_status): fixed at creation from the portal's "create as
   * marketing contacts" switch for this app, which applies only to contacts created after it.
   */
  marketable: boolean;
}

class PortalContacts {
  readonly byId = new Map<string, Contact>();
  readonly byEmail = new Map<string, Contact>();
  readonly byAdditionalEmail = new Map<string, Contact>();
  readonly ordered: Contact[] = [];
}

const FIRST_CONTACT_ID = 100_001;

export class ContactStore {
  private portals = new Map<number, PortalContacts>();
  private nextId = FIRST_CONTACT_ID;

  private portal(portalId: number): PortalContacts {
    let contacts = this.portals.get(portalId);
    if (!contacts) {
      contacts = new PortalContacts();
      this.portals.set(portalId, contacts);
    }
    return contacts;
  }

  findById(portalId: number, id: string): Contact | undefined {
    return this.portals.get(portalId)?.byId.get(id);
  }

  findByEmail(portalId: number, email: string): Contact | undefined {
    return this.portals.get(portalId)?.byEmail.get(email.toLowerCase());
  }

  findByAdditionalEmail(portalId: number, email: string): Contact | undefined {
    return this.portals.get(portalId)?.byAdditionalEmail.get(email.trim().toLowerCase());
  }

  /** Adds an address to a contact; false when any contact already has it (primary or additional). */
  addAdditionalEmail(portalId: number, contact: Contact, email: string): boolean {
    const address = email.trim().toLowerCase();
    if (this.findByEmail(portalId, address) || this.findByAdditionalEmail(portalId, address)) return false;
    contact.additionalEmails.push(address);
    this.portal(portalId).byAdditionalEmail.set(address, contact);
    return true;
  }

  create(portalId: number, properties: Record<string, string>, marketable = false, now = Date.now()): Contact {
    const contacts = this.portal(portalId);
    const contact: Contact = {
      id: String(this.nextId++),
      properties: normalize(properties),
      additionalEmails: [],
      createdAt: now,
      updatedAt: now,
      marketable,
    };
    contacts.byId.set(contact.id, contact);
    contacts.ordered.push(contact);
    if (contact.properties.email) contacts.byEmail.set(contact.properties.email, contact);
    return contact;
  }

  update(portalId: number, contact: Contact, properties: Record<string, string>, now = Date.now()): Contact {
    const contacts = this.portal(portalId);
    const next = normalize(properties);
    if (next.email !== undefined && next.email !== contact.properties.email) {
      if (contact.properties.email) contacts.byEmail.delete(contact.properties.email);
      contacts.byEmail.set(next.email, contact);
    }
    Object.assign(contact.properties, next);
    contact.updatedAt = now;
    return contact;
  }

  /** Removes a contact and frees its addresses (a deletion, privacy deletion or merge in HubSpot). */
  delete(portalId: number, contact: Contact): void {
    const contacts = this.portals.get(portalId);
    if (!contacts?.byId.delete(contact.id)) return;
    if (contact.properties.email) contacts.byEmail.delete(contact.properties.email);
    for (const address of contact.additionalEmails) contacts.byAdditionalEmail.delete(address);
    contacts.ordered.splice(contacts.ordered.indexOf(contact), 1);
  }

  /** Creation order, oldest first. The array is live: callers must not mutate it. */
  list(portalId: number): readonly Contact[] {
    return this.portals.get(portalId)?.ordered ?? [];
  }

  count(portalId: number): number {
    return this.portals.get(portalId)?.ordered.length ?? 0;
  }

  clear(): void {
    this.portals.clear();
    this.nextId = FIRST_CONTACT_ID;
  }
}

function normalize(properties: Record<string, string>): Record<string, string> {
  const result = { ...properties };
  if (result.email !== undefined) result.email = result.email.trim().toLowerCase();
  return result;
}
