"use server";
// The newsletter's HubSpot subscription type (admins only), through the one tenant-action wrapper.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@switchboard/lib/db";
import { serverEnv } from "@switchboard/lib/env/server";
import { getValidAccessToken } from "@switchboard/lib/integrations/connection-tokens";
import { contactSyncProviderFromEnv } from "@switchboard/lib/integrations/registry";
import { chooseSubscriptionType } from "@switchboard/lib/signups/consent/newsletter-subscription-type";
import { tenantAction } from "@/web/tenant-action";

export const saveSubscriptionType = tenantAction(
  { minRole: "ADMIN", fields: { subscriptionId: z.string().trim().max(40).regex(/^\d*$/, "Choose a subscription type.") } },
  async ({ subscriptionId }, { tenant }) => {
    const consent = contactSyncProviderFromEnv(serverEnv().HUBSPOT_REQUEST_TIMEOUT_MS);
    await chooseSubscriptionType(db, tenant.id, subscriptionId, { consent, accessToken: (database, connectionId) => getValidAccessToken(database, connectionId) });
    revalidatePath(`/t/${tenant.slug}/signups`);
    return { ok: true, message: subscriptionId === "" ? "Contacts are no longer subscribed to a type." : "Subscription type saved." };
  },
);
