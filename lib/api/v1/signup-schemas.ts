// What /api/v1 says about signups: the body a host sends and the signup it gets back.
import { z } from "zod";
import { displayTextSchema } from "@/lib/display-text";
import { SIGNUP_FIELD_RULES } from "@/lib/signups/fields/signup-fields";
import { unsubscribeUrl } from "@/lib/signups/consent/unsubscribe-link";
import type { UnsubscribeLinks } from "@/lib/signups/consent/configured-unsubscribe-links";

export const signupStatusSchema = z
  .enum(["unconfirmed", "pending", "synced", "failed", "unsubscribed"])
  .describe("unconfirmed: double opt-in, waiting for the person to confirm from the mail (never synced until then)")
  .meta({ id: "SignupStatus" });

/** An optional form field's answer: only for tenants whose form has the field (the tenant's signupFields). */
function optionalField(key: keyof typeof SIGNUP_FIELD_RULES) {
  const { label, max } = SIGNUP_FIELD_RULES[key];
  return displayTextSchema({ label, max })
    .nullish()
    .describe(
      `Only for a tenant whose form has this field (its signupFields), else refused; sent to the contact property it is mapped to. For a dropdown property, one of its option values`,
    );
}

export const newSignupSchema = z
  .object({
    tenantId: z.string().min(1).max(100).optional().describe("Required for operator keys; a tenant key's own tenant otherwise"),
    email: z.email("Enter a valid email address.").max(254, "That email address is too long."),
    firstName: displayTextSchema({ label: "First name", max: 100 }).optional(),
    lastName: optionalField("lastName"),
    company: optionalField("company"),
    freeText: optionalField("freeText"),
    consent: z.literal(true, { error: "The person must have agreed to receive the newsletter (consent: true)." }),
  })
  .meta({ id: "NewSignup" });

export const signupSchema = z
  .object({
    id: z.string(),
    tenantId: z.string(),
    email: z.string(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable().describe("Answers to the tenant's optional form fields (signupFields), null when not given"),
    company: z.string().nullable(),
    freeText: z.string().nullable(),
    consent: z.boolean(),
    source: z
      .enum(["form", "api", "agent"])
      .describe("Where the signup came from: the public form or signup API, your backend through /api/v1, or an agent through /api/v1/mcp"),
    status: signupStatusSchema,
    attempts: z.number().int(),
    lastError: z.string().nullable().describe("Why the last push failed (HubSpot's reason for failed signups)"),
    hubspotContactId: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    syncedAt: z.iso.datetime().nullable(),
    confirmedAt: z.iso.datetime().nullable().describe("Double opt-in: when the person confirmed from the mail"),
    unsubscribedAt: z.iso.datetime().nullable(),
    unsubscribeUrl: z
      .url()
      .describe(
        "Put it in every newsletter to this person, as a link and in the List-Unsubscribe header (with List-Unsubscribe-Post: List-Unsubscribe=One-Click): a GET shows a confirmation page, a POST unsubscribes at once (RFC 8058)",
      ),
    hubspotSubscription: z
      .enum(["subscribed", "opted_out", "failed"])
      .nullable()
      .describe(
        "The newsletter subscription in HubSpot: subscribed (with consent), opted_out (the contact had opted out in HubSpot: nothing written), failed; null until synced and checked",
      ),
    marketingContact: z
      .boolean()
      .nullable()
      .describe("HubSpot's hs_marketable_status of the contact (read-only in HubSpot); null until read"),
    erased: z.boolean().describe("The person's data was erased on HubSpot's privacy deletion; the signup is an anonymous tombstone"),
  })
  .meta({ id: "Signup" });

export const signupListSchema = z.object({ items: z.array(signupSchema), nextCursor: z.string().nullable() }).meta({ id: "SignupList" });

export const signupSelect = {
  id: true,
  tenantId: true,
  email: true,
  firstName: true,
  lastName: true,
  company: true,
  freeText: true,
  consentGiven: true,
  source: true,
  status: true,
  attempts: true,
  lastError: true,
  hubspotContactId: true,
  createdAt: true,
  updatedAt: true,
  syncedAt: true,
  confirmedAt: true,
  unsubscribedAt: true,
  subscriptionState: true,
  marketingContact: true,
  erasedAt: true,
} as const;

type SignupRow = {
  id: string;
  tenantId: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  freeText: string | null;
  consentGiven: boolean;
  source: string;
  status: "PENDING" | "WAITING" | "SYNCED" | "FAILED" | "UNCONFIRMED" | "UNSUBSCRIBED";
  attempts: number;
  lastError: string | null;
  hubspotContactId: string | null;
  createdAt: Date;
  updatedAt: Date;
  syncedAt: Date | null;
  confirmedAt: Date | null;
  unsubscribedAt: Date | null;
  subscriptionState: string | null;
  marketingContact: boolean | null;
  erasedAt: Date | null;
};

const subscriptionOf = { SUBSCRIBED: "subscribed", OPTED_OUT: "opted_out", FAILED: "failed" } as const;

export function signupView(row: SignupRow, links: UnsubscribeLinks): z.input<typeof signupSchema> {
  return {
    id: row.id,
    tenantId: row.tenantId,
    email: row.email,
    firstName: row.firstName,
    lastName: row.lastName,
    company: row.company,
    freeText: row.freeText,
    consent: row.consentGiven,
    source: row.source as "form" | "api" | "agent",
    // WAITING (no usable connection yet) is pending to the host, as on the dashboard.
    status: (row.status === "WAITING" ? "pending" : row.status.toLowerCase()) as z.infer<typeof signupStatusSchema>,
    attempts: row.attempts,
    lastError: row.lastError,
    hubspotContactId: row.hubspotContactId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    syncedAt: row.syncedAt?.toISOString() ?? null,
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    unsubscribedAt: row.unsubscribedAt?.toISOString() ?? null,
    unsubscribeUrl: unsubscribeUrl(links.appUrl, links.key, row.id),
    hubspotSubscription: subscriptionOf[row.subscriptionState as keyof typeof subscriptionOf] ?? null,
    marketingContact: row.marketingContact,
    erased: row.erasedAt !== null,
  };
}
