import { HUBSPOT_DEFINED_PROPERTIES } from "../properties/hubspot-defined";
import type { PropertyDefinition } from "../properties/property-definition";

// Contact properties per portal: HubSpot's own (shared) plus the portal's custom ones. A custom
// property an admin deletes is archived: listed only with ?archived=true, unknown to contact writes.

const BUILT_IN = new Map(HUBSPOT_DEFINED_PROPERTIES.map((property) => [property.name, property]));

export type PropertyLookup = (name: string) => PropertyDefinition | undefined;

/** What an admin may change about a custom property in HubSpot's settings (readOnlyValue stands in
 * for one turned into a calculated property). */
export type PropertyChange = Partial<Pick<PropertyDefinition, "label" | "options" | "readOnlyValue" | "hasUniqueValue">>;

export type CustomPropertyVerdict = "done" | "unknown" | "hubspot-defined";

export class PropertyStore {
  private custom = new Map<number, Map<string, PropertyDefinition>>();
  private archived = new Map<number, Map<string, PropertyDefinition>>();

  lookup(portalId: number): PropertyLookup {
    const own = this.custom.get(portalId);
    return (name) => BUILT_IN.get(name) ?? own?.get(name);
  }

  list(portalId: number): PropertyDefinition[] {
    return [...HUBSPOT_DEFINED_PROPERTIES, ...(this.custom.get(portalId)?.values() ?? [])];
  }

  listArchived(portalId: number): PropertyDefinition[] {
    return [...(this.archived.get(portalId)?.values() ?? [])];
  }

  /** False when the name is taken. */
  add(portalId: number, property: PropertyDefinition): boolean {
    if (this.lookup(portalId)(property.name)) return false;
    portalMap(this.custom, portalId).set(property.name, property);
    portalMap(this.archived, portalId).delete(property.name);
    return true;
  }

  archive(portalId: number, name: string): CustomPropertyVerdict {
    if (BUILT_IN.has(name)) return "hubspot-defined";
    const property = this.custom.get(portalId)?.get(name);
    if (!property) return "unknown";
    this.custom.get(portalId)?.delete(name);
    portalMap(this.archived, portalId).set(name, property);
    return "done";
  }

  update(portalId: number, name: string, change: PropertyChange): CustomPropertyVerdict {
    if (BUILT_IN.has(name)) return "hubspot-defined";
    const own = this.custom.get(portalId);
    const property = own?.get(name);
    if (!own || !property) return "unknown";
    const changed = { ...property, ...Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)) };
    own.set(name, { ...changed, calculated: changed.readOnlyValue });
    return "done";
  }

  clear(): void {
    this.custom.clear();
    this.archived.clear();
  }
}

function portalMap(maps: Map<number, Map<string, PropertyDefinition>>, portalId: number): Map<string, PropertyDefinition> {
  let own = maps.get(portalId);
  if (!own) maps.set(portalId, (own = new Map()));
  return own;
}
