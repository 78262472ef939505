// Processing stored HubSpot webhook batches (receive-webhook.ts), oldest first, in the sync worker.
// Events are matched to signups by the stored HubSpot contact id (objectId) on every connection to
// the event's portal — several tenants can connect one portal — never by an address in the
// payload. Each action is idempotent, so repeats are harmless. Order is not guaranteed: a merge
// processed after a privacy deletion of the merged contact still erases (the processed batch keeps
// the ids of privacy deletions, and nothing else, for exactly that).
import type { Db } from "@/lib/db/create-client";
import { log } from "@/lib/log";
import { eraseSignup } from "./erase-signup";
import { hubspotEventBatchSchema, type HubspotEvent } from "./event-schema";

const BATCHES_PER_ROUND = 20;
const GIVE_UP_AFTER_ATTEMPTS = 10;
export const PRIVACY_DELETION = "contact.privacyDeletion";
export const MERGE = "contact.merge";

export async function processHubspotWebhooks(db: Db): Promise<number> {
  const batches = await db.hubspotWebhookBatch.findMany({
    where: { processedAt: null, attempts: { lt: GIVE_UP_AFTER_ATTEMPTS } },
    orderBy: { receivedAt: "asc" },
    take: BATCHES_PER_ROUND,
    select: { id: true, body: true, attempts: true },
  });
  let processed = 0;
  for (const batch of batches) {
    // A compare-and-swap on attempts: two workers never process one batch at the same time.
    const claimed = await db.hubspotWebhookBatch.updateMany({
      where: { id: batch.id, attempts: batch.attempts, processedAt: null },
      data: { attempts: batch.attempts + 1 },
    });
    if (claimed.count !== 1) continue;
    try {
      const events = hubspotEventBatchSchema.parse(JSON.parse(batch.body ?? "[]"));
      for (const event of events) await applyEvent(db, event);
      // What stays: only the contact ids of privacy deletions (for a merge that arrives later).
      const kept = events
        .filter((event) => event.type === PRIVACY_DELETION && event.objectId)
        .map((event) => ({ type: PRIVACY_DELETION, portalId: event.portalId, objectId: event.objectId }));
      await db.hubspotWebhookBatch.update({
        where: { id: batch.id },
        data: { processedAt: new Date(), body: kept.length > 0 ? JSON.stringify(kept) : null, lastError: null },
      });
      processed++;
    } catch (error) {
      log.warn("a HubSpot webhook batch could not be processed; trying again", { batchId: batch.id, error });
      await db.hubspotWebhookBatch.update({
        where: { id: batch.id },
        data: { lastError: error instanceof Error ? error.message.slice(0, 500) : "unknown error" },
      });
    }
  }
  return processed;
}

async function applyEvent(db: Db, event: HubspotEvent): Promise<void> {
  if (event.type === PRIVACY_DELETION && event.objectId) return erasePortalContact(db, event.portalId, event.objectId);
  if (event.type === MERGE) return remapMergedContacts(db, event);
  // contact.deletion and anything else: nothing Switchboard keeps depends on it.
}

async function connectionIdsOf(db: Db, portalId: string): Promise<string[]> {
  const connections = await db.connection.findMany({ where: { provider: "hubspot", portalId }, select: { id: true } });
  return connections.map((connection) => connection.id);
}

async function erasePortalContact(db: Db, portalId: string, contactId: string): Promise<void> {
  const connectionIds = await connectionIdsOf(db, portalId);
  if (connectionIds.length === 0) return;
  const signups = await db.signup.findMany({
    where: { connectionId: { in: connectionIds }, hubspotContactId: contactId, erasedAt: null },
    select: { id: true, tenantId: true, email: true, hubspotContactId: true, lastName: true, company: true, freeText: true },
  });
  for (const signup of signups) await eraseSignup(db, signup);
}

async function remapMergedContacts(db: Db, event: HubspotEvent): Promise<void> {
  const target = event.newObjectId ?? event.primaryObjectId ?? event.objectId;
  if (!target) return;
  const merged = [
    ...new Set(
      [...(event.mergedObjectIds ?? []), event.primaryObjectId, event.objectId].filter((id): id is string => !!id && id !== target),
    ),
  ];
  const connectionIds = await connectionIdsOf(db, event.portalId);
  if (connectionIds.length === 0) return;
  if (merged.length > 0) {
    await db.signup.updateMany({
      where: { connectionId: { in: connectionIds }, hubspotContactId: { in: merged } },
      data: { hubspotContactId: target },
    });
  }
  // The merged contact may have been privacy-deleted before this merge was processed.
  const deletedEarlier = await db.hubspotWebhookBatch.findFirst({
    where: { processedAt: { not: null }, body: { contains: `"portalId":"${event.portalId}","objectId":"${target}"` } },
    select: { id: true },
  });
  if (deletedEarlier) await erasePortalContact(db, event.portalId, target);
}
