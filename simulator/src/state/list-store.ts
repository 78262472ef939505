// Contact lists per portal (HUBSPOT-2026-03.md §6). MANUAL and SNAPSHOT lists hold the members
// added to them; DYNAMIC lists keep their filter but are not evaluated (always empty here).

export type ProcessingType = "MANUAL" | "DYNAMIC" | "SNAPSHOT";

export interface ContactList {
  listId: string;
  portalId: number;
  name: string;
  processingType: ProcessingType;
  filterBranch: unknown;
  createdAt: number;
  updatedAt: number;
  /** Record id → when it was added (ms), in insertion order. */
  members: Map<string, number>;
}

export class ListStore {
  private portals = new Map<number, Map<string, ContactList>>();
  private nextId = 1;

  private lists(portalId: number): Map<string, ContactList> {
    let lists = this.portals.get(portalId);
    if (!lists) this.portals.set(portalId, (lists = new Map()));
    return lists;
  }

  create(portalId: number, fields: Pick<ContactList, "name" | "processingType" | "filterBranch">): ContactList {
    const now = Date.now();
    const list: ContactList = { ...fields, listId: String(this.nextId++), portalId, createdAt: now, updatedAt: now, members: new Map() };
    this.lists(portalId).set(list.listId, list);
    return list;
  }

  get(portalId: number, listId: string): ContactList | undefined {
    return this.portals.get(portalId)?.get(listId);
  }

  findByName(portalId: number, name: string): ContactList | undefined {
    const wanted = name.toLowerCase();
    return this.all(portalId).find((list) => list.name.toLowerCase() === wanted);
  }

  all(portalId: number): ContactList[] {
    return [...(this.portals.get(portalId)?.values() ?? [])];
  }

  /** A contact left the portal: it leaves every list. */
  removeRecord(portalId: number, recordId: string): void {
    for (const list of this.all(portalId)) list.members.delete(recordId);
  }

  /** A merge: memberships of the merged contact move to the surviving one. */
  replaceRecord(portalId: number, fromId: string, toId: string): void {
    for (const list of this.all(portalId)) {
      const since = list.members.get(fromId);
      if (since === undefined) continue;
      list.members.delete(fromId);
      if (!list.members.has(toId)) list.members.set(toId, since);
    }
  }

  clear(): void {
    this.portals.clear();
    this.nextId = 1;
  }
}
