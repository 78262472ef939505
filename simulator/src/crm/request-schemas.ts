import { z } from "zod";

// Request bodies of the contacts API. Unknown extra fields are tolerated, as HubSpot does.

export const MAX_BATCH_INPUTS = 100;

const properties = z.record(z.string(), z.unknown());

export const createInputSchema = z.looseObject({
  properties,
  associations: z.array(z.unknown()).optional(),
});

export const batchCreateSchema = z.looseObject({ inputs: z.array(createInputSchema) });

export const batchUpsertSchema = z.looseObject({
  inputs: z.array(
    z.looseObject({
      id: z.string(),
      idProperty: z.string().optional(),
      properties,
      objectWriteTraceId: z.string().optional(),
    }),
  ),
});

const filterSchema = z.looseObject({
  propertyName: z.string().min(1),
  operator: z.enum(["EQ", "NEQ", "IN", "NOT_IN", "HAS_PROPERTY", "NOT_HAS_PROPERTY", "CONTAINS_TOKEN"]),
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
  values: z.array(z.union([z.string(), z.number()])).optional(),
});

export const searchSchema = z.looseObject({
  filterGroups: z
    .array(z.looseObject({ filters: z.array(filterSchema).max(6) }))
    .max(5)
    .optional(),
  properties: z.array(z.string()).optional(),
  limit: z.number().int().min(1).max(200).optional(),
  after: z.union([z.string(), z.number()]).optional(),
  sorts: z.array(z.unknown()).optional(),
  query: z.string().optional(),
});
export type SearchFilter = z.infer<typeof filterSchema>;

/** HubSpot-flavoured description of a body that doesn't fit the schema. */
export function describeSchemaError(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue?.path.length ? issue.path.join(".") : "body";
  return `Invalid input JSON: ${where}: ${issue?.message ?? "invalid value"}`;
}
