// The one way a signup becomes UNSUBSCRIBED, whoever asks (the link, the host's API, or — for the
// consent sync — an opt-out found in HubSpot): the status and time, the HubSpot follow-up flag and
// the `signup.unsubscribed` webhook event commit together, or not at all.
//
// Contract with the consent sync (HubSpot subscription status): a row with
// hubspotUnsubscribePending = true must get statusState UNSUBSCRIBED for the tenant's chosen
// subscription type (by email; the contact may exist in HubSpot even when hubspotContactId is
// null, e.g. an unsubscribe that raced a push), after which the sync sets the flag back to false.
// An opt-out read FROM HubSpot passes tellHubspot: false (HubSpot already knows).
import type { Db } from "@/lib/db/create-client";
import { signupUnsubscribedEvent } from "@/lib/webhooks/outbox-events";
import { recordWebhookEvents } from "@/lib/webhooks/record-webhook-events";

export type UnsubscribeVia = "link" | "api" | "hubspot";
export type UnsubscribeOutcome = "unsubscribed" | "already_unsubscribed" | "not_found";

export async function unsubscribeSignup(
  db: Db,
  signup: { id: string; tenantId?: string },
  via: UnsubscribeVia,
  { tellHubspot = via !== "hubspot", now = new Date() }: { tellHubspot?: boolean; now?: Date } = {},
): Promise<UnsubscribeOutcome> {
  return db.$transaction(async (tx) => {
    const where = { id: signup.id, ...(signup.tenantId ? { tenantId: signup.tenantId } : {}) };
    // Taking any sync claim back too: a worker pushing this row then records nothing for it.
    const { count } = await tx.signup.updateMany({
      where: { ...where, status: { not: "UNSUBSCRIBED" } },
      data: {
        status: "UNSUBSCRIBED",
        unsubscribedAt: now,
        hubspotUnsubscribePending: tellHubspot,
        claimedBy: null,
        claimedUntil: null,
        lastError: null,
      },
    });
    const row = await tx.signup.findFirst({ where, select: { id: true, tenantId: true, email: true, hubspotContactId: true } });
    if (!row) return "not_found";
    if (count === 0) return "already_unsubscribed";
    await recordWebhookEvents(tx, [signupUnsubscribedEvent(row, via)]);
    return "unsubscribed";
  });
}
