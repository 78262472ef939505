// Shapes of HubSpot's OAuth responses we rely on, parsed before use. Unknown extra fields (an
// `id_token`, `signed_access_token`, …) are ignored; missing required ones are a ProviderResponseError.
import { z } from "zod";

export const hubIdSchema = z.union([z.number().int().positive(), z.string().regex(/^\d+$/)]).transform(String);

/** Scopes come as an array from HubSpot; RFC 7662 servers send a space-separated string. */
const scopeListSchema = z
  .union([z.array(z.string()), z.string()])
  .transform((value) => (typeof value === "string" ? value.split(" ").filter(Boolean) : value));

// The 2026-03 spec requires token_use, the docs' example omits it, and hub_id/scopes are optional:
// only the four fields every documented response carries are required.
export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.number().positive(),
  token_type: z.string(),
  hub_id: hubIdSchema.nullish().catch(undefined),
  scopes: scopeListSchema.nullish().catch(undefined),
});
export type HubspotTokenResponse = z.infer<typeof tokenResponseSchema>;

// Beyond `active`, `hub_id` and `client_id` any field may be absent or null on real responses.
export const introspectionSchema = z.discriminatedUnion("active", [
  z.object({
    active: z.literal(true),
    hub_id: hubIdSchema.nullish(),
    hub_domain: z.string().nullish(),
    user: z.string().nullish(),
    scopes: scopeListSchema.nullish(),
    scope: scopeListSchema.nullish(),
    client_id: z.union([z.string(), z.number()]).transform(String).nullish(),
    token_use: z.string().nullish(),
  }),
  z.object({ active: z.literal(false) }),
]);
export type HubspotIntrospection = z.infer<typeof introspectionSchema>;
