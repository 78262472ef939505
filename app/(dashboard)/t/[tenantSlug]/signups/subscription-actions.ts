"use server";
// The newsletter's HubSpot subscription type and list (admins only), through the one tenant-action wrapper.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db, processRuntime } from "@switchboard/lib/runtime/process-runtime";
import { runtimeChoiceCollaborators } from "@switchboard/lib/signups/consent/choice-collaborators";
import { chooseNewsletterList } from "@switchboard/lib/signups/consent/newsletter-list";
import { chooseSubscriptionType } from "@switchboard/lib/signups/consent/newsletter-subscription-type";
import { tenantAction } from "@/web/tenant-action";

const hubspotId = z.string().trim().max(40).regex(/^\d*$/, "Choose one from the list.");

const collaborators = () => runtimeChoiceCollaborators(processRuntime());

export const saveSubscriptionType = tenantAction(
  { minRole: "ADMIN", fields: { subscriptionId: hubspotId } },
  async ({ subscriptionId }, { tenant }) => {
    await chooseSubscriptionType(db, tenant.id, subscriptionId, collaborators());
    revalidatePath(`/t/${tenant.slug}/signups`);
    return { ok: true, message: subscriptionId === "" ? "Contacts are no longer subscribed to a type." : "Subscription type saved." };
  },
);

export const saveNewsletterList = tenantAction({ minRole: "ADMIN", fields: { listId: hubspotId } }, async ({ listId }, { tenant }) => {
  await chooseNewsletterList(db, tenant.id, listId, collaborators());
  revalidatePath(`/t/${tenant.slug}/signups`);
  return { ok: true, message: listId === "" ? "Contacts no longer join a list." : "List saved: synced contacts are added to it." };
});
