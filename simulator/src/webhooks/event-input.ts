import { z } from "zod";

// What `POST /_sim/webhooks/send` accepts: which portal, which events (as things that happen in
// HubSpot), and how to send them.

const contactId = z.union([z.string().regex(/^\d+$/), z.number().int().positive()]).transform(String);

export const eventInputSchema = z.discriminatedUnion("type", [
  z
    .object({
      type: z.literal("contact.creation"),
      objectId: contactId.optional(),
      properties: z.record(z.string(), z.string()).optional(),
    })
    .strict()
    .refine(
      (event) => (event.objectId === undefined) !== (event.properties === undefined),
      "give objectId (an existing contact) or properties (a new one)",
    ),
  z
    .object({
      type: z.literal("contact.propertyChange"),
      objectId: contactId,
      propertyName: z.string().min(1),
      propertyValue: z.string(),
      changeSource: z.string().min(1).optional(),
    })
    .strict(),
  z.object({ type: z.literal("contact.deletion"), objectId: contactId }).strict(),
  z.object({ type: z.literal("contact.privacyDeletion"), objectId: contactId }).strict(),
  z.object({ type: z.literal("contact.merge"), primaryObjectId: contactId, mergedObjectIds: z.array(contactId).min(1) }).strict(),
]);
export type EventInput = z.infer<typeof eventInputSchema>;

export const sendInputSchema = z
  .object({
    portalId: z.number().int().positive(),
    events: z.array(eventInputSchema).min(1).max(50),
    /** HubSpot's docs name the type field `eventType`, its signatures and SDK `subscriptionType`. */
    typeField: z.enum(["subscriptionType", "eventType", "both"]).default("subscriptionType"),
    /** Overrides config webhookTargetUrl for this batch. */
    targetUrl: z.url().optional(),
    /** false: answer 202 at once and deliver in the background. */
    wait: z.boolean().default(true),
    /** false: keep the events in the given order (HubSpot guarantees none; the default shuffles). */
    shuffle: z.boolean().default(true),
  })
  .strict();
export type SendInput = z.infer<typeof sendInputSchema>;
