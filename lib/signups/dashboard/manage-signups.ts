// Admin actions on a tenant's signups and signup settings (callers check the ADMIN role first),
// audited with whoever acted (a member on the dashboard, a key over /api/v1).
import { z } from "zod";
import { recordChange, type AuditActor } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/create-client";
import { CONSENT_TEXT_MAX_LENGTH, CONSENT_TEXT_MIN_LENGTH } from "../consent/consent-text";
import { canonicalOrigin } from "../intake/public-tenant";

/** Failed → Pending, due now. Only FAILED rows of this tenant; returns whether one was found. */
export async function retryFailedSignup(db: Db, tenantId: string, signupId: string, actor: AuditActor): Promise<boolean> {
  const { count } = await db.signup.updateMany({
    where: { id: signupId, tenantId, status: "FAILED" },
    data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), lastError: null, claimedBy: null, claimedUntil: null },
  });
  if (count === 1)
    await recordChange(db, actor, {
      tenantId,
      action: "signup_retry",
      subject: `signup:${signupId}`,
      detail: "Failed signup queued for another attempt",
    });
  return count === 1;
}

export async function retryAllFailedSignups(db: Db, tenantId: string, actor: AuditActor): Promise<number> {
  const { count } = await db.signup.updateMany({
    where: { tenantId, status: "FAILED" },
    data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), lastError: null, claimedBy: null, claimedUntil: null },
  });
  if (count > 0)
    await recordChange(db, actor, {
      tenantId,
      action: "signup_retry",
      detail: `${count} failed signup${count === 1 ? "" : "s"} queued for another attempt`,
    });
  return count;
}

export const signupSettingsSchema = z.object({
  consentText: z
    .string()
    .trim()
    .min(CONSENT_TEXT_MIN_LENGTH, `Write at least ${CONSENT_TEXT_MIN_LENGTH} characters so visitors know what they agree to.`)
    // It becomes HubSpot's legalBasisExplanation: refused here, not at sync time (consent-text.ts).
    .max(
      CONSENT_TEXT_MAX_LENGTH,
      `Keep the consent text to ${CONSENT_TEXT_MAX_LENGTH} characters: HubSpot records it with each subscription.`,
    )
    // Line breaks are fine; NUL and other control characters are not (PostgreSQL refuses NUL).
    .refine((text) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text), "Remove the control characters from the consent text."),
  allowedOrigins: z
    .string()
    .max(5000, "That is too many origins.")
    .transform((value) =>
      value
        .split(/[\s,]+/)
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .superRefine((origins, context) => {
      const invalid = origins.filter((origin) => canonicalOrigin(origin) === null);
      if (invalid.length > 0) {
        context.addIssue({ code: "custom", message: `Not an origin (scheme://host[:port], no path): ${invalid.slice(0, 3).join(", ")}` });
      }
    })
    .transform((origins) => [...new Set(origins.map((origin) => canonicalOrigin(origin) ?? origin))]),
  // A checkbox: present ("on") when ticked, absent otherwise; the API sends a boolean.
  doubleOptIn: z
    .union([z.boolean(), z.literal("on")])
    .optional()
    .transform((value) => value === true || value === "on"),
});

export type SignupSettings = z.infer<typeof signupSettingsSchema>;

export async function saveSignupSettings(db: Db, tenantId: string, settings: SignupSettings, actor: AuditActor): Promise<void> {
  const before = await db.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { consentText: true, allowedOrigins: true, doubleOptIn: true },
  });
  const allowedOrigins = settings.allowedOrigins.join("\n");
  await db.tenant.update({
    where: { id: tenantId },
    data: { consentText: settings.consentText, allowedOrigins, doubleOptIn: settings.doubleOptIn },
  });
  const changed = [
    before.consentText !== settings.consentText ? "consent text" : null,
    before.allowedOrigins !== allowedOrigins ? "allowed origins" : null,
    before.doubleOptIn !== settings.doubleOptIn ? `double opt-in ${settings.doubleOptIn ? "on" : "off"}` : null,
  ].filter(Boolean);
  if (changed.length > 0) {
    const origins = settings.allowedOrigins.length > 0 ? settings.allowedOrigins.join(", ") : "none";
    await recordChange(db, actor, {
      tenantId,
      action: "signup_settings",
      detail: `Signup settings changed (${changed.join(", ")}); allowed origins: ${origins}`,
    });
  }
}
