"use server";
// Admin-only mutations of the signups page. Each re-checks the role through the tenancy guard
// and scopes its write by the tenant id the guard returned.
import { revalidatePath } from "next/cache";
import { db } from "@switchboard/lib/db";
import { requireTenantAccess } from "@/web/tenant-guard";
import { retryAllFailedSignups, retryFailedSignup, saveSignupSettings, signupSettingsSchema } from "@switchboard/lib/signups/dashboard/manage-signups";

export type SettingsFormState =
  | { status: "idle" }
  | { status: "saved" }
  | { status: "invalid"; fieldErrors: Partial<Record<"consentText" | "allowedOrigins", string[]>> };

export async function retrySignup(tenantSlug: string, signupId: string): Promise<void> {
  const { tenant } = await requireTenantAccess(tenantSlug, { minRole: "ADMIN" });
  await retryFailedSignup(db, tenant.id, signupId);
  revalidatePath(`/t/${tenantSlug}/signups`);
}

export async function retryAllFailed(tenantSlug: string): Promise<void> {
  const { tenant } = await requireTenantAccess(tenantSlug, { minRole: "ADMIN" });
  await retryAllFailedSignups(db, tenant.id);
  revalidatePath(`/t/${tenantSlug}/signups`);
}

export async function updateSignupSettings(tenantSlug: string, _previous: SettingsFormState, formData: FormData): Promise<SettingsFormState> {
  const { tenant } = await requireTenantAccess(tenantSlug, { minRole: "ADMIN" });
  const parsed = signupSettingsSchema.safeParse({
    consentText: formData.get("consentText") ?? "",
    allowedOrigins: formData.get("allowedOrigins") ?? "",
  });
  if (!parsed.success) {
    const fieldErrors: Partial<Record<"consentText" | "allowedOrigins", string[]>> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] === "consentText" ? "consentText" : "allowedOrigins";
      (fieldErrors[key] ??= []).push(issue.message);
    }
    return { status: "invalid", fieldErrors };
  }
  await saveSignupSettings(db, tenant.id, parsed.data);
  revalidatePath(`/t/${tenantSlug}/signups`);
  return { status: "saved" };
}
