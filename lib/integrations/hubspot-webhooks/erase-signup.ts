// HubSpot's contact.privacyDeletion: the person asked the portal to forget them, so Switchboard
// forgets them too, everywhere it keeps them — the signup's address, name and last error (it can
// quote the address), audit details naming the address, and the address in webhook payloads in
// the outbox and delivery log. The row stays as an anonymous tombstone (the counts and the chart
// hold) and signup.erased goes out once, in the same transaction. Erasing twice changes nothing.
import type { Db } from "@/lib/db/create-client";
import { recordWebhookEvents } from "@/lib/webhooks/record-webhook-events";
import { signupErasedEvent } from "@/lib/webhooks/outbox-events";

export const ERASED_EMAIL = "erased@erased.invalid";

export type ErasableSignup = { id: string; tenantId: string; email: string; hubspotContactId: string | null };

export async function eraseSignup(db: Db, signup: ErasableSignup): Promise<boolean> {
  const now = new Date();
  return db.$transaction(async (tx) => {
    const erased = await tx.signup.updateMany({
      where: { id: signup.id, erasedAt: null },
      data: {
        email: ERASED_EMAIL,
        // Unique per tenant: the tombstone's own id keeps it so.
        emailNormalized: `erased:${signup.id}`,
        firstName: null,
        lastError: null,
        subscriptionError: null,
        erasedAt: now,
        claimedBy: null,
        claimedUntil: null,
      },
    });
    if (erased.count !== 1) return false;
    // A tombstone is never pushed again: a resubmission waiting to sync ends where it was.
    await tx.signup.updateMany({ where: { id: signup.id, status: { in: ["PENDING", "WAITING"] } }, data: { status: "SYNCED" } });
    if (signup.email !== ERASED_EMAIL) {
      await tx.auditEvent.updateMany({
        where: { tenantId: signup.tenantId, detail: { contains: signup.email } },
        data: { detail: "[personal data erased]" },
      });
      const events = await tx.webhookEvent.findMany({
        where: { tenantId: signup.tenantId, payload: { contains: `"signupId":"${signup.id}"` } },
        select: { id: true, payload: true },
      });
      for (const event of events) {
        await tx.webhookEvent.update({
          where: { id: event.id },
          data: { payload: event.payload.split(JSON.stringify(signup.email).slice(1, -1)).join(ERASED_EMAIL) },
        });
      }
    }
    await recordWebhookEvents(tx, [signupErasedEvent(signup)]);
    return true;
  });
}
