"use server";
// Admin-only mutations of the signups page, through the one tenant-action wrapper; each write is
// scoped by the tenant id the wrapper resolved.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@switchboard/lib/runtime/process-runtime";
import { memberActor } from "@switchboard/lib/people/people-actor";
import {
  retryAllFailedSignups,
  retryFailedSignup,
  saveSignupSettings,
  signupSettingsSchema,
} from "@switchboard/lib/signups/dashboard/manage-signups";
import { tenantAction, type TenantActionContext } from "@/web/tenant-action";

const pageOf = (tenant: { slug: string }) => `/t/${tenant.slug}/signups`;
const actorOf = ({ access }: TenantActionContext) => memberActor(access.user, access.role);

export const retrySignup = tenantAction(
  { minRole: "ADMIN", fields: { signupId: z.string().trim().min(1).max(100) } },
  async ({ signupId }, context) => {
    const { tenant } = context;
    await retryFailedSignup(db, tenant.id, signupId, actorOf(context));
    revalidatePath(pageOf(tenant));
    return { ok: true, message: "Queued for another attempt." };
  },
);

export const retryAllFailed = tenantAction({ minRole: "ADMIN", fields: {} }, async (_input, context) => {
  const { tenant } = context;
  await retryAllFailedSignups(db, tenant.id, actorOf(context));
  revalidatePath(pageOf(tenant));
  return { ok: true, message: "Every failed signup is queued for another attempt." };
});

export const updateSignupSettings = tenantAction({ minRole: "ADMIN", fields: signupSettingsSchema.shape }, async (settings, context) => {
  const { tenant } = context;
  await saveSignupSettings(db, tenant.id, settings, actorOf(context));
  revalidatePath(pageOf(tenant));
  return { ok: true, message: "Settings saved." };
});
