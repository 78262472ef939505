// Shapes of HubSpot responses we rely on. Everything HubSpot returns is parsed here before use;
// unknown extra fields are ignored, missing required ones are a ProviderResponseError.
import { z } from "zod";

const hubIdSchema = z.union([z.number().int().positive(), z.string().regex(/^\d+$/)]).transform(String);

/** Scopes come as an array from HubSpot; RFC 7662 servers send a space-separated string. */
const scopeListSchema = z
  .union([z.array(z.string()), z.string()])
  .transform((value) => (typeof value === "string" ? value.split(" ").filter(Boolean) : value));

// hub_id/scopes may be present but are never trusted here: identity comes from introspection.
export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.number().positive(),
  token_type: z.string(),
});
export type HubspotTokenResponse = z.infer<typeof tokenResponseSchema>;

export const introspectionSchema = z.discriminatedUnion("active", [
  z.object({
    active: z.literal(true),
    hub_id: hubIdSchema,
    hub_domain: z.string().min(1).optional(),
    user: z.string().min(1).optional(),
    scopes: scopeListSchema.optional(),
    scope: scopeListSchema.optional(),
    client_id: z.union([z.string(), z.number()]).transform(String).optional(),
    token_use: z.string().optional(),
  }),
  z.object({ active: z.literal(false) }),
]);
export type HubspotIntrospection = z.infer<typeof introspectionSchema>;

// As deserialized by @hubspot/api-client, which renames HubSpot's `new` flag to `_new`.
export const batchUpsertResultSchema = z.object({
  results: z.array(z.object({ id: z.string().min(1), _new: z.boolean().optional() })).min(1),
});

export const contactsPageSchema = z.object({
  results: z.array(z.object({ id: z.string().min(1) })),
});

/** What the SDK's ApiException carries: the HTTP status and HubSpot's error body. */
export const sdkErrorSchema = z.object({
  code: z.number(),
  body: z
    .object({
      category: z.string().optional(),
      message: z.string().optional(),
    })
    .passthrough()
    .optional()
    .catch(undefined),
});
