import { HUBSPOT_DEFINED_PROPERTIES } from "../properties/hubspot-defined";
import type { PropertyDefinition } from "../properties/property-definition";

// Contact properties per portal: HubSpot's own (shared) plus the portal's custom ones.

const BUILT_IN = new Map(HUBSPOT_DEFINED_PROPERTIES.map((property) => [property.name, property]));

export type PropertyLookup = (name: string) => PropertyDefinition | undefined;

export class PropertyStore {
  private custom = new Map<number, Map<string, PropertyDefinition>>();

  lookup(portalId: number): PropertyLookup {
    const own = this.custom.get(portalId);
    return (name) => BUILT_IN.get(name) ?? own?.get(name);
  }

  list(portalId: number): PropertyDefinition[] {
    return [...HUBSPOT_DEFINED_PROPERTIES, ...(this.custom.get(portalId)?.values() ?? [])];
  }

  /** False when the name is taken. */
  add(portalId: number, property: PropertyDefinition): boolean {
    if (this.lookup(portalId)(property.name)) return false;
    let own = this.custom.get(portalId);
    if (!own) this.custom.set(portalId, (own = new Map()));
    own.set(property.name, property);
    return true;
  }

  clear(): void {
    this.custom.clear();
  }
}
