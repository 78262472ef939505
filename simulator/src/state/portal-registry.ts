import { portalFor, type Portal } from "../portals";

// The portals of this run, by id: a Map so 10,000 of them cost nothing per request. Portals come
// from the configuration (env, file or options) and, with `createPortalsOnDemand`, from any id the
// consent form or the control API names.

export class PortalRegistry {
  private readonly byId = new Map<number, Portal>();

  constructor(portals: readonly Portal[]) {
    for (const portal of portals) this.byId.set(portal.id, structuredClone(portal));
  }

  get(portalId: number): Portal | undefined {
    return this.byId.get(portalId);
  }

  /** The portal, created with default fields when unknown and `create` allows it. */
  getOrCreate(portalId: number, create: boolean): Portal | undefined {
    const found = this.byId.get(portalId);
    if (found || !create || !Number.isSafeInteger(portalId) || portalId <= 0) return found;
    return this.add(portalFor(portalId));
  }

  /** Adds or replaces a portal. */
  add(portal: Portal): Portal {
    this.byId.set(portal.id, portal);
    return portal;
  }

  list(): Portal[] {
    return [...this.byId.values()];
  }

  get size(): number {
    return this.byId.size;
  }
}
