// /api/v1/tenants — operator keys (tenants:admin) provision the host's customers: list, create,
// read, update and delete tenants. Tenant keys never reach these routes (they cannot hold the scope).
import { z } from "zod";
import { AppError } from "@/lib/app-error";
import { CONSENT_TEXT_MAX_LENGTH, CONSENT_TEXT_MIN_LENGTH } from "@/lib/signups/consent/consent-text";
import { saveSignupSettings, signupSettingsSchema } from "@/lib/signups/dashboard/manage-signups";
import { createInvitation } from "@/lib/people/invitations/create-invitation";
import { addTenant } from "@/lib/people/tenants/create-tenant";
import { deleteTenant as deleteTenantEverywhere } from "@/lib/people/tenants/delete-tenant";
import { renameTenant } from "@/lib/people/tenants/rename-tenant";
import { tenantNameSchema } from "@/lib/people/tenants/tenant-input";
import { runtimeFieldMapping, saveSignupFields } from "@/lib/signups/fields/field-mapping";
import { parseSignupFields } from "@/lib/signups/fields/signup-fields";
import { listPage, pageQuerySchema } from "../cursor";
import { defineRoute } from "../define-route";
import { asSignupFieldsProblem, signupFieldsChangeBodySchema, signupFieldsSchema, signupFieldsView } from "./signup-field-schemas";

const slugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "Lower-case letters, digits and dashes, starting with a letter or digit (at most 63).");

export const tenantSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string().describe("Used in dashboard and signup-form URLs"),
    consentText: z.string().describe("Shown beside the form's checkbox; sent to HubSpot as the subscription's legal basis explanation"),
    allowedOrigins: z
      .array(z.string())
      .describe("Origins whose browsers may call the public signup API, and that may frame the public form"),
    doubleOptIn: z.boolean().describe("New signups get a confirmation mail and stay unconfirmed (never synced) until the person confirms"),
    signupFields: signupFieldsSchema,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Tenant" });

const tenantListSchema = z.object({ items: z.array(tenantSchema), nextCursor: z.string().nullable() }).meta({ id: "TenantList" });

const newTenantSchema = z.object({ name: tenantNameSchema, slug: slugSchema }).meta({ id: "NewTenant" });

const tenantChangesSchema = z
  .object({
    name: tenantNameSchema.optional(),
    consentText: z.string().trim().min(CONSENT_TEXT_MIN_LENGTH).max(CONSENT_TEXT_MAX_LENGTH).optional(),
    allowedOrigins: z.array(z.string().max(200)).max(50).optional(),
    doubleOptIn: z.boolean().optional(),
    signupFields: signupFieldsChangeBodySchema.optional(),
  })
  .meta({ id: "TenantChanges" });

const tenantParams = z.object({ tenantId: z.string().min(1).max(100) });
const tenantSelect = {
  id: true,
  name: true,
  slug: true,
  consentText: true,
  allowedOrigins: true,
  doubleOptIn: true,
  signupFields: true,
  createdAt: true,
  updatedAt: true,
} as const;

function tenantView(row: {
  id: string;
  name: string;
  slug: string;
  consentText: string;
  allowedOrigins: string;
  doubleOptIn: boolean;
  signupFields: string | null;
  createdAt: Date;
  updatedAt: Date;
}) {
  return {
    ...row,
    allowedOrigins: row.allowedOrigins.split("\n").filter(Boolean),
    signupFields: signupFieldsView(parseSignupFields(row.signupFields)),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const listTenants = defineRoute(
  {
    method: "get",
    path: "/api/v1/tenants",
    operationId: "listTenants",
    tag: "Tenants",
    scope: "tenants:admin",
    summary: "List tenants, newest first",
    query: z.object(pageQuerySchema),
    response: { status: 200, description: "A page of tenants", schema: tenantListSchema },
  },
  async ({ query }, { db }) => listPage(query, {}, (page) => db.tenant.findMany({ ...page, select: tenantSelect }), tenantView),
);

export const createTenant = defineRoute(
  {
    method: "post",
    path: "/api/v1/tenants",
    operationId: "createTenant",
    tag: "Tenants",
    scope: "tenants:admin",
    summary: "Create a tenant",
    body: newTenantSchema,
    response: { status: 201, description: "The new tenant", schema: tenantSchema },
    problems: [409],
  },
  async ({ body }, { actor, db }) => {
    const tenant = await addTenant(db, actor, body);
    return tenantView(await db.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: tenantSelect }));
  },
);

export const getTenant = defineRoute(
  {
    method: "get",
    path: "/api/v1/tenants/{tenantId}",
    operationId: "getTenant",
    tag: "Tenants",
    scope: "tenants:admin",
    summary: "Get a tenant",
    params: tenantParams,
    response: { status: 200, description: "The tenant", schema: tenantSchema },
    problems: [404],
  },
  async ({ params }, { db }) => {
    const row = await db.tenant.findUnique({ where: { id: params.tenantId }, select: tenantSelect });
    if (!row) throw AppError.notFound("That tenant");
    return tenantView(row);
  },
);

export const updateTenant = defineRoute(
  {
    method: "patch",
    path: "/api/v1/tenants/{tenantId}",
    operationId: "updateTenant",
    tag: "Tenants",
    scope: "tenants:admin",
    summary: "Change a tenant's name or signup settings",
    description:
      "Form fields (signupFields) are checked against the contact properties of the tenant's HubSpot portal: 409 without a usable connection, 503 when HubSpot cannot be read just now; nothing is changed then.",
    params: tenantParams,
    body: tenantChangesSchema,
    response: { status: 200, description: "The updated tenant", schema: tenantSchema },
    problems: [404, 409, 503],
  },
  async ({ params, body }, { actor, db, runtime }) => {
    const current = await db.tenant.findUnique({ where: { id: params.tenantId }, select: tenantSelect });
    if (!current) throw AppError.notFound("That tenant");
    // The dashboard's own rules for consent text and origins, so both doors accept the same values.
    const settings = signupSettingsSchema.safeParse({
      consentText: body.consentText ?? current.consentText,
      allowedOrigins: body.allowedOrigins ? body.allowedOrigins.join("\n") : current.allowedOrigins,
      doubleOptIn: body.doubleOptIn ?? current.doubleOptIn,
    });
    if (!settings.success) throw AppError.invalidInput(settings.error);
    // First, as the one change that can be refused by HubSpot: then nothing else has changed either.
    if (body.signupFields !== undefined) {
      await saveSignupFields(db, current.id, body.signupFields, runtimeFieldMapping(runtime), actor).catch((error: unknown) => {
        throw asSignupFieldsProblem(error);
      });
    }
    // The same domain functions as the CLI's rename and the dashboard's settings form, so the change
    // is audited the same way, with the key as the actor.
    if (body.name !== undefined) await renameTenant(db, { id: current.id }, body.name, actor);
    await saveSignupSettings(db, current.id, settings.data, actor);
    return tenantView(await db.tenant.findUniqueOrThrow({ where: { id: current.id }, select: tenantSelect }));
  },
);

export const deleteTenant = defineRoute(
  {
    method: "delete",
    path: "/api/v1/tenants/{tenantId}",
    operationId: "deleteTenant",
    tag: "Tenants",
    scope: "tenants:admin",
    summary: "Delete a tenant with its connections, signups, keys and endpoints",
    description:
      "Each HubSpot grant is revoked first (as `npm run admin -- tenant delete` does); the tenant goes even when HubSpot cannot confirm a revocation.",
    params: tenantParams,
    response: { status: 204, description: "Deleted" },
    problems: [404],
  },
  async ({ params }, { actor, db, runtime }) => {
    const tenant = await db.tenant.findUnique({ where: { id: params.tenantId }, select: { slug: true } });
    if (!tenant) throw AppError.notFound("That tenant");
    await deleteTenantEverywhere(db, runtime.integrations, tenant.slug, actor);
  },
);

const newInvitationSchema = z
  .object({ email: z.email("Enter a valid email address.").max(320), role: z.enum(["OWNER", "ADMIN", "MEMBER"]) })
  .meta({ id: "NewInvitation" });

const invitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: z.enum(["OWNER", "ADMIN", "MEMBER"]),
    expiresAt: z.iso.datetime(),
    emailed: z.boolean().describe("Whether the invitation email was handed to the mail server; the link itself is only ever in that email"),
  })
  .meta({ id: "Invitation" });

export const inviteTenantMember = defineRoute(
  {
    method: "post",
    path: "/api/v1/tenants/{tenantId}/invitations",
    operationId: "inviteTenantMember",
    tag: "Tenants",
    scope: "tenants:admin",
    summary: "Invite a person into a tenant with a role",
    description:
      "Mails a single-use link valid 7 days (a newer invitation to the same address replaces a pending one). The link is never in the answer.",
    params: tenantParams,
    body: newInvitationSchema,
    response: { status: 201, description: "Invited", schema: invitationSchema },
    problems: [404, 409],
  },
  async ({ params, body }, { actor, db, runtime }) => {
    const tenant = await db.tenant.findUnique({ where: { id: params.tenantId }, select: { id: true, name: true } });
    if (!tenant) throw AppError.notFound("That tenant");
    const invitation = await createInvitation(db, runtime.mailer, actor, tenant, body, runtime.links);
    return {
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt.toISOString(),
      emailed: invitation.delivery.delivered,
    };
  },
);
