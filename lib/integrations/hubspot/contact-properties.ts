// The portal's contact properties, GET /crm/properties/2026-03/contacts (HUBSPOT-2026-03.md §7): one
// call, no paging. What a form field may be mapped to is decided from these (lib/signups/fields):
// a property whose modificationMetadata.readOnlyValue is true, or that HubSpot calculates, refuses
// writes; an enumeration takes only its options' values. An entry we cannot read is left out rather
// than failing the whole list (an independent implementation may add kinds we do not know).
import { z } from "zod";
import type { ConsentReply } from "../consent-calls";
import type { ContactProperty } from "../contact-properties";
import { hubspotPaths } from "./api-paths";
import type { HubspotConfig } from "./config";
import { exchange, failed, unexpectedShape } from "./consent-failure";

const listSchema = z.object({ results: z.array(z.unknown()) });

const propertySchema = z.looseObject({
  name: z.string().min(1),
  label: z.string().nullish(),
  type: z.string(),
  fieldType: z.string().nullish(),
  options: z
    .array(
      z.looseObject({
        value: z.union([z.string(), z.number(), z.boolean()]).transform(String),
        label: z.string().nullish(),
        hidden: z.boolean().nullish(),
      }),
    )
    .nullish(),
  hasUniqueValue: z.boolean().nullish(),
  calculated: z.boolean().nullish(),
  archived: z.boolean().nullish(),
  modificationMetadata: z.looseObject({ readOnlyValue: z.boolean().nullish() }).nullish(),
});

// fieldTypes of string properties that hold no plain text a form could fill in.
const NOT_TEXT_FIELD_TYPES = new Set(["file", "calculation_equation"]);

export async function listContactProperties(config: HubspotConfig, accessToken: string): Promise<ConsentReply<ContactProperty[]>> {
  const answer = await exchange(
    config,
    { method: "GET", path: hubspotPaths.contactProperties, accessToken, query: { archived: "false" } },
    "reading the contact properties",
  );
  if (!answer.ok) return failed(answer.failure, 1, answer.reply);
  const parsed = listSchema.safeParse(answer.reply.body);
  if (!parsed.success) return unexpectedShape("the contact properties list", 1, answer.reply);
  const value = parsed.data.results.flatMap((entry) => {
    const property = propertySchema.safeParse(entry);
    return property.success && property.data.archived !== true ? [contactPropertyOf(property.data)] : [];
  });
  return { ok: true, value, calls: 1, rateLimit: answer.reply.rateLimit };
}

function contactPropertyOf(property: z.infer<typeof propertySchema>): ContactProperty {
  const fieldType = property.fieldType ?? "";
  const kind =
    property.type === "enumeration" ? "choice" : property.type === "string" && !NOT_TEXT_FIELD_TYPES.has(fieldType) ? "text" : "other";
  return {
    name: property.name,
    label: property.label || property.name,
    kind,
    typeName: property.type,
    options:
      kind === "choice"
        ? (property.options ?? [])
            .filter((option) => option.hidden !== true)
            .map((option) => ({ value: option.value, label: option.label || option.value }))
        : [],
    readOnly: property.modificationMetadata?.readOnlyValue === true || property.calculated === true || fieldType === "calculation_equation",
    unique: property.hasUniqueValue === true,
  };
}
