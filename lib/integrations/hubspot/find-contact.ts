// One contact by email, on the 2026-03 contacts API: GET …/contacts/{email}?idProperty=email. A
// basic read counts against the portal's ten-second budget (search has a limit of its own and no
// rate-limit headers), so callers pace it with the sync's calls to the same portal.
import { z } from "zod";
import { ProviderResponseError } from "../errors";
import type { ContactLookup } from "../provider";
import { hubspotPaths } from "./api-paths";
import type { HubspotConfig } from "./config";
import { classifyReply, classifyTransportError, failureToError } from "./failures";
import { hubspotRequest, type HubspotReply } from "./hubspot-http";

const LOOKUP_PROPERTIES = ["email", "firstname", "lastname", "hs_marketable_status", "createdate", "lastmodifieddate"];

const contactSchema = z.object({
  id: z.string().min(1),
  properties: z.record(z.string(), z.string().nullable()),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
});

export async function findHubspotContact(config: HubspotConfig, accessToken: string, email: string): Promise<ContactLookup> {
  const operation = "looking up a contact";
  let reply: HubspotReply;
  try {
    reply = await hubspotRequest(config, {
      method: "GET",
      path: `${hubspotPaths.contacts}/${encodeURIComponent(email)}`,
      accessToken,
      query: { idProperty: "email", properties: LOOKUP_PROPERTIES.join(",") },
    });
  } catch (error) {
    throw failureToError(classifyTransportError(error, operation));
  }
  if (reply.status === 404) return { contact: null, rateLimit: reply.rateLimit };
  if (reply.status !== 200) throw failureToError(classifyReply(reply, operation));
  const parsed = contactSchema.safeParse(reply.body);
  if (!parsed.success) throw new ProviderResponseError("HubSpot answered the contact read with an unexpected shape");
  const { id, properties } = parsed.data;
  return {
    rateLimit: reply.rateLimit,
    contact: {
      id,
      email: properties.email ?? email,
      firstName: properties.firstname ?? null,
      lastName: properties.lastname ?? null,
      marketingContact: properties.hs_marketable_status === undefined ? null : properties.hs_marketable_status === "true",
      createdAt: properties.createdate ?? parsed.data.createdAt ?? null,
    },
  };
}
