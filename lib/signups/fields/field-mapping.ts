// Mapping the optional form fields onto the newsletter portal's contact properties (admins, from the
// signups page or /api/v1): every field being enabled is checked against the portal's properties as
// they are now (field-targets.ts), one property receives at most one field, and a dropdown's options
// are kept with the mapping. Nothing is saved unless every requested field can be mapped; turning
// fields off needs no CRM at all. Signups already synced are not sent again.
import { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/app-error";
import { recordChange, type AuditActor } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/create-client";
import { displayTextSchema } from "@/lib/display-text";
import type { ContactProperty } from "@/lib/integrations/contact-properties";
import type { IntegrationProvider } from "@/lib/integrations/provider";
import { getValidAccessToken } from "@/lib/integrations/tokens/access-token";
import type { Runtime } from "@/lib/runtime/runtime";
import { resolveDestination } from "../sync/destination";
import { targetProblem } from "./field-targets";
import {
  enabledFields,
  FREE_TEXT_LABEL_MAX,
  parseSignupFields,
  serializeSignupFields,
  SIGNUP_FIELD_KEYS,
  SIGNUP_FIELD_RULES,
  type SignupFields,
} from "./signup-fields";

export type PortalProperties =
  { kind: "no-connection" } | { kind: "unavailable"; reason: string } | { kind: "ready"; properties: ContactProperty[] };

export type FieldMappingCollaborators = {
  provider: Pick<IntegrationProvider, "listContactProperties">;
  accessToken: (db: Db, connectionId: string) => Promise<string>;
};

/** A process's way to the properties: its contact-sync provider, built on use (so turning fields
 * off or showing the page needs no HubSpot configuration), and valid access tokens. */
export function runtimeFieldMapping(runtime: Pick<Runtime, "providers" | "integrations">): FieldMappingCollaborators {
  return {
    provider: { listContactProperties: (accessToken) => runtime.providers.contactSync().listContactProperties(accessToken) },
    accessToken: (db, connectionId) => getValidAccessToken(db, connectionId, runtime.integrations),
  };
}

/** The contact properties of the tenant's newsletter portal (one call), or why they cannot be read. */
export async function loadPortalProperties(db: Db, tenantId: string, collaborators: FieldMappingCollaborators): Promise<PortalProperties> {
  const destination = await resolveDestination(db, tenantId);
  if (!destination || destination.status === "NEEDS_RECONNECT") return { kind: "no-connection" };
  try {
    const reply = await collaborators.provider.listContactProperties(await collaborators.accessToken(db, destination.connectionId));
    if (!reply.ok) return { kind: "unavailable", reason: reply.failure.reason };
    return { kind: "ready", properties: reply.value };
  } catch (error) {
    return { kind: "unavailable", reason: error instanceof Error ? error.message : "HubSpot could not be reached" };
  }
}

const propertyName = z
  .string({ error: "Name a contact property." })
  .trim()
  .min(1, "Name a contact property.")
  .max(100, "No contact property has a name that long.")
  .regex(/^[^\s\u0000-\u001f\u007f]+$/, "A property's name has no spaces or control characters.");

/** Per field: absent = leave as it is, null = off, an object = map it to this property. */
export const signupFieldsChangeSchema = z.object({
  lastName: z.object({ property: propertyName }).nullable().optional(),
  company: z.object({ property: propertyName }).nullable().optional(),
  freeText: z
    .object({
      property: propertyName,
      label: displayTextSchema({ label: "The free-text field's label", max: FREE_TEXT_LABEL_MAX, min: 1 }),
    })
    .nullable()
    .optional(),
});

export type SignupFieldsChange = z.infer<typeof signupFieldsChangeSchema>;

export async function saveSignupFields(
  db: Db,
  tenantId: string,
  change: SignupFieldsChange,
  collaborators: FieldMappingCollaborators,
  actor: AuditActor,
): Promise<SignupFields> {
  const stored = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { signupFields: true } });
  const before = parseSignupFields(stored.signupFields);
  const next = await applyChange(db, tenantId, before, change, collaborators);
  const serialized = serializeSignupFields(next);
  if (serialized === serializeSignupFields(before)) return next;
  await db.tenant.update({ where: { id: tenantId }, data: { signupFields: serialized } });
  await recordChange(db, actor, { tenantId, action: "signup_settings", detail: `Form fields changed: ${describe(next)}` });
  return next;
}

async function applyChange(
  db: Db,
  tenantId: string,
  before: SignupFields,
  change: SignupFieldsChange,
  collaborators: FieldMappingCollaborators,
): Promise<SignupFields> {
  const next: SignupFields = { ...before };
  const requested = SIGNUP_FIELD_KEYS.filter((key) => change[key]);
  const portal = requested.length > 0 ? await loadPortalProperties(db, tenantId, collaborators) : null;
  if (portal?.kind === "no-connection") {
    throw new AppError("conflict", "Connect HubSpot first: form fields are mapped to its contact properties. Nothing was changed.");
  }
  if (portal?.kind === "unavailable") {
    throw new AppError("unavailable", `HubSpot's contact properties could not be read just now (${portal.reason}). Nothing was changed.`);
  }
  const properties = new Map((portal?.kind === "ready" ? portal.properties : []).map((property) => [property.name, property]));
  const fieldErrors: FieldErrors = {};
  for (const key of SIGNUP_FIELD_KEYS) {
    const wanted = change[key];
    if (wanted === undefined) continue;
    if (wanted === null) {
      delete next[key];
      continue;
    }
    const property = properties.get(wanted.property);
    const problem = targetProblem(wanted.property, property);
    if (problem || !property) {
      fieldErrors[key] = [problem ?? `The portal has no contact property named "${wanted.property}".`];
      continue;
    }
    next[key] = {
      property: property.name,
      propertyLabel: property.label.slice(0, 300),
      ...("label" in wanted ? { label: wanted.label } : {}),
      ...(property.kind === "choice" ? { options: property.options } : {}),
    };
  }
  const receiving = new Map<string, string>();
  for (const field of enabledFields(next)) {
    const earlier = receiving.get(field.mapping.property);
    if (earlier)
      fieldErrors[field.key] ??= [`"${field.mapping.property}" already receives ${earlier}; map each field to a property of its own.`];
    receiving.set(field.mapping.property, `the ${SIGNUP_FIELD_RULES[field.key].label.toLowerCase()}`);
  }
  if (Object.keys(fieldErrors).length > 0) {
    throw new AppError("invalid_input", "Some form fields cannot be mapped like that. Nothing was changed.", { fieldErrors });
  }
  return next;
}

function describe(fields: SignupFields): string {
  const enabled = enabledFields(fields);
  if (enabled.length === 0) return "none on the form";
  return enabled.map((field) => `${field.label} → ${field.mapping.property}`).join(", ");
}
