// Admin actions on a tenant's signups and signup settings (callers check the ADMIN role first).
import { z } from "zod";
import type { Db } from "@/lib/db/create-client";
import { canonicalOrigin } from "../intake/public-tenant";

/** Failed → Pending, due now. Only FAILED rows of this tenant; returns whether one was found. */
export async function retryFailedSignup(db: Db, tenantId: string, signupId: string): Promise<boolean> {
  const { count } = await db.signup.updateMany({
    where: { id: signupId, tenantId, status: "FAILED" },
    data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), lastError: null, claimedBy: null, claimedUntil: null },
  });
  return count === 1;
}

export async function retryAllFailedSignups(db: Db, tenantId: string): Promise<number> {
  const { count } = await db.signup.updateMany({
    where: { tenantId, status: "FAILED" },
    data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), lastError: null, claimedBy: null, claimedUntil: null },
  });
  return count;
}

export const signupSettingsSchema = z.object({
  consentText: z
    .string()
    .trim()
    .min(10, "Write at least 10 characters so visitors know what they agree to.")
    .max(1000, "Keep the consent text under 1000 characters.")
    // Line breaks are fine; NUL and other control characters are not (PostgreSQL refuses NUL).
    .refine((text) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text), "Remove the control characters from the consent text."),
  allowedOrigins: z
    .string()
    .max(5000, "That is too many origins.")
    .transform((value) => value.split(/[\s,]+/).map((line) => line.trim()).filter(Boolean))
    .superRefine((origins, context) => {
      const invalid = origins.filter((origin) => canonicalOrigin(origin) === null);
      if (invalid.length > 0) {
        context.addIssue({ code: "custom", message: `Not an origin (scheme://host[:port], no path): ${invalid.slice(0, 3).join(", ")}` });
      }
    })
    .transform((origins) => [...new Set(origins.map((origin) => canonicalOrigin(origin) ?? origin))]),
});

export type SignupSettings = z.infer<typeof signupSettingsSchema>;

export async function saveSignupSettings(db: Db, tenantId: string, settings: SignupSettings): Promise<void> {
  await db.tenant.update({
    where: { id: tenantId },
    data: { consentText: settings.consentText, allowedOrigins: settings.allowedOrigins.join("\n") },
  });
}
