import { z } from "zod";

// A contact property as HubSpot's properties API describes it (HUBSPOT-2026-03.md §7), and the
// body that creates a custom one.

export const PROPERTY_TYPES = ["bool", "date", "datetime", "enumeration", "number", "phone_number", "string"] as const;
export const FIELD_TYPES = [
  "booleancheckbox",
  "calculation_equation",
  "checkbox",
  "date",
  "file",
  "html",
  "number",
  "phonenumber",
  "radio",
  "select",
  "text",
  "textarea",
] as const;

const optionSchema = z.object({
  label: z.string().min(1),
  value: z.string().min(1),
  displayOrder: z.number().int().optional(),
  hidden: z.boolean().optional(),
  description: z.string().optional(),
});
export type PropertyOption = z.infer<typeof optionSchema>;

export const propertyCreateSchema = z
  .looseObject({
    name: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/, "must be lowercase letters, digits and underscores, starting with a letter")
      .max(100),
    label: z.string().min(1),
    type: z.enum(PROPERTY_TYPES),
    fieldType: z.enum(FIELD_TYPES),
    groupName: z.string().min(1),
    options: z.array(optionSchema).optional(),
    description: z.string().optional(),
    hasUniqueValue: z.boolean().optional(),
    formField: z.boolean().optional(),
    hidden: z.boolean().optional(),
  })
  .refine((input) => input.type !== "enumeration" || (input.options?.length ?? 0) > 0, {
    message: "options are required for enumeration properties",
    path: ["options"],
  })
  .refine((input) => !input.name.startsWith("hs_"), { message: "names starting with hs_ are reserved for HubSpot", path: ["name"] });
export type PropertyCreate = z.infer<typeof propertyCreateSchema>;

/** The control API's change to a custom property (see state/property-store.ts). */
export const propertyChangeSchema = z.strictObject({
  label: z.string().min(1).optional(),
  options: z.array(optionSchema).optional(),
  readOnlyValue: z.boolean().optional(),
  hasUniqueValue: z.boolean().optional(),
});

export interface PropertyDefinition {
  name: string;
  label: string;
  type: (typeof PROPERTY_TYPES)[number];
  fieldType: (typeof FIELD_TYPES)[number];
  groupName: string;
  description: string;
  options: PropertyOption[];
  hasUniqueValue: boolean;
  hidden: boolean;
  hubspotDefined: boolean;
  calculated: boolean;
  formField: boolean;
  readOnlyValue: boolean;
  createdAt: number;
}

export function propertyJson(property: PropertyDefinition) {
  const { readOnlyValue, createdAt, ...fields } = property;
  return {
    ...fields,
    options: property.options.map((option, index) => ({ displayOrder: index, hidden: false, ...option })),
    displayOrder: -1,
    archived: false,
    createdAt: new Date(createdAt).toISOString(),
    updatedAt: new Date(createdAt).toISOString(),
    modificationMetadata: { archivable: !property.hubspotDefined, readOnlyDefinition: property.hubspotDefined, readOnlyValue },
  };
}

export function customProperty(input: PropertyCreate): PropertyDefinition {
  return {
    name: input.name,
    label: input.label,
    type: input.type,
    fieldType: input.fieldType,
    groupName: input.groupName,
    description: input.description ?? "",
    options: input.options ?? [],
    hasUniqueValue: input.hasUniqueValue ?? false,
    hidden: input.hidden ?? false,
    hubspotDefined: false,
    calculated: false,
    formField: input.formField ?? false,
    readOnlyValue: false,
    createdAt: Date.now(),
  };
}
