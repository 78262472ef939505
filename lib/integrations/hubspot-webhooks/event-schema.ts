// The body HubSpot POSTs to an app's webhook URL: a JSON array of fewer than 100 events. The type
// field is `subscriptionType` in HubSpot's signature example and SDKs, `eventType` in one guide
// table: both are accepted. Ids come as numbers; they are kept as strings like stored contact ids.
import { z } from "zod";

const id = z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,30}$/)]).transform(String);

export const hubspotEventSchema = z
  .looseObject({
    subscriptionType: z.string().max(100).optional(),
    eventType: z.string().max(100).optional(),
    portalId: id,
    objectId: id.optional(),
    occurredAt: z.number().optional(),
    eventId: z.union([z.number(), z.string()]).optional(),
    // contact.merge: the contacts merged and the id the merged contact has now.
    mergedObjectIds: z.array(id).max(1_000).optional(),
    primaryObjectId: id.optional(),
    newObjectId: id.optional(),
  })
  .transform((event) => ({ ...event, type: event.subscriptionType ?? event.eventType ?? "" }));

export const hubspotEventBatchSchema = z.array(hubspotEventSchema).min(1).max(1_000);

export type HubspotEvent = z.output<typeof hubspotEventSchema>;
