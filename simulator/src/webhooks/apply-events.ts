import { checkProperties } from "../crm/contact-properties";
import type { Contact } from "../state/contact-store";
import type { SimulatorState } from "../state/simulator-state";
import type { EventInput } from "./event-input";

// Makes the events true in the store before they are announced, as in HubSpot: a creation
// creates, a property change changes, a (privacy) deletion deletes, a merge folds the merged
// contacts into the primary. All inputs are checked first, so a bad one changes nothing.

export interface HappenedEvent {
  type: string;
  objectId: number;
  fields: Record<string, unknown>;
}

type Check = { ok: true } | { ok: false; status: 400 | 404; error: string };

function findAll(sim: SimulatorState, portalId: number, ids: string[]): Contact[] | string {
  const missing = ids.filter((id) => !sim.contacts.findById(portalId, id));
  if (missing.length > 0) return `no contact ${missing.join(", ")} in portal ${portalId}`;
  return ids.map((id) => sim.contacts.findById(portalId, id) as Contact);
}

export function checkEvents(sim: SimulatorState, portalId: number, events: EventInput[]): Check {
  const gone = new Set<string>();
  for (const event of events) {
    const ids =
      event.type === "contact.merge"
        ? [event.primaryObjectId, ...event.mergedObjectIds]
        : event.objectId === undefined
          ? []
          : [event.objectId];
    const found = findAll(sim, portalId, ids);
    if (typeof found === "string") return { ok: false, status: 404, error: found };
    const reused = ids.find((id) => gone.has(id));
    if (reused) return { ok: false, status: 400, error: `contact ${reused} is deleted or merged away earlier in this batch` };
    if (event.type === "contact.merge") event.mergedObjectIds.forEach((id) => gone.add(id));
    if (event.type === "contact.deletion" || event.type === "contact.privacyDeletion") gone.add(event.objectId);
    if (event.type === "contact.creation" && event.properties) {
      const checked = checkProperties(event.properties, sim.properties.lookup(portalId));
      if (!checked.ok) return { ok: false, status: 400, error: checked.problems.map((problem) => problem.message).join("; ") };
      const email = checked.properties.email;
      if (email && sim.contacts.findByEmail(portalId, email))
        return { ok: false, status: 400, error: `${email} already belongs to a contact` };
    }
    if (event.type === "contact.propertyChange" && event.propertyName !== "hs_marketable_status") {
      const checked = checkProperties({ [event.propertyName]: event.propertyValue }, sim.properties.lookup(portalId));
      if (!checked.ok) return { ok: false, status: 400, error: checked.problems.map((problem) => problem.message).join("; ") };
    }
  }
  return { ok: true };
}

function mergeInto(sim: SimulatorState, portalId: number, primary: Contact, merged: Contact[]): number {
  let moved = 0;
  for (const contact of merged) {
    const additions = Object.fromEntries(
      Object.entries(contact.properties).filter(([name]) => name !== "email" && primary.properties[name] === undefined),
    );
    moved += Object.keys(additions).length;
    sim.contacts.delete(portalId, contact);
    sim.contacts.update(portalId, primary, additions);
    for (const address of [contact.properties.email, ...contact.additionalEmails]) {
      if (address) sim.contacts.addAdditionalEmail(portalId, primary, address);
    }
    sim.contactMerged(portalId, contact.id, primary.id);
  }
  return moved;
}

/** Applies checked events; a privacy deletion yields two events (privacyDeletion and deletion). */
export function applyEvents(sim: SimulatorState, portalId: number, events: EventInput[]): HappenedEvent[] {
  const happened: HappenedEvent[] = [];
  const contact = (id: string) => sim.contacts.findById(portalId, id) as Contact;
  for (const event of events) {
    switch (event.type) {
      case "contact.creation": {
        const created = event.objectId ? contact(event.objectId) : sim.contacts.create(portalId, event.properties ?? {});
        happened.push({ type: event.type, objectId: Number(created.id), fields: { changeFlag: "NEW", changeSource: "CRM_UI" } });
        break;
      }
      case "contact.propertyChange": {
        const changed = contact(event.objectId);
        if (event.propertyName === "hs_marketable_status") changed.marketable = event.propertyValue === "true";
        else sim.contacts.update(portalId, changed, { [event.propertyName]: event.propertyValue });
        const { propertyName, propertyValue } = event;
        happened.push({
          type: event.type,
          objectId: Number(changed.id),
          fields: { propertyName, propertyValue, changeSource: event.changeSource ?? "CRM_UI" },
        });
        break;
      }
      case "contact.deletion":
      case "contact.privacyDeletion": {
        const deleted = contact(event.objectId);
        sim.forgetContact(portalId, deleted, event.type === "contact.privacyDeletion");
        const fields = { changeFlag: "DELETED", changeSource: event.type === "contact.privacyDeletion" ? "GDPR" : "CRM_UI" };
        happened.push({ type: event.type, objectId: Number(deleted.id), fields });
        // HubSpot: a privacy deletion "will also trigger the contact deletion event".
        if (event.type === "contact.privacyDeletion") happened.push({ type: "contact.deletion", objectId: Number(deleted.id), fields });
        break;
      }
      case "contact.merge": {
        const primary = contact(event.primaryObjectId);
        const moved = mergeInto(sim, portalId, primary, event.mergedObjectIds.map(contact));
        happened.push({
          type: event.type,
          objectId: Number(primary.id),
          fields: {
            changeFlag: "MERGED",
            changeSource: "CRM_UI",
            primaryObjectId: Number(primary.id),
            mergedObjectIds: event.mergedObjectIds.map(Number),
            newObjectId: Number(primary.id),
            numberOfPropertiesMoved: moved,
          },
        });
        break;
      }
    }
  }
  return happened;
}
