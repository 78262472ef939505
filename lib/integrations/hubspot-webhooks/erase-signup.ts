// HubSpot's contact.privacyDeletion: the person asked the portal to forget them, so Switchboard
// forgets them too, everywhere it keeps them — the signup's address, names, answers to the optional
// form fields and last error (it can quote the address or an answer), audit details naming the
// address, and in webhook payloads in the outbox and delivery log the address and any failure
// reason that quotes an answer. The row stays as an anonymous tombstone (the counts and the chart
// hold) and signup.erased goes out once, in the same transaction. Erasing twice changes nothing.
import type { Db } from "@/lib/db/create-client";
import { recordWebhookEvents } from "@/lib/webhooks/record-webhook-events";
import { signupErasedEvent } from "@/lib/webhooks/outbox-events";

export const ERASED_EMAIL = "erased@erased.invalid";

export type ErasableSignup = {
  id: string;
  tenantId: string;
  email: string;
  hubspotContactId: string | null;
  lastName: string | null;
  company: string | null;
  freeText: string | null;
};

const ERASED_DETAIL = "[personal data erased]";

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
        lastName: null,
        company: null,
        freeText: null,
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
        data: { detail: ERASED_DETAIL },
      });
      const events = await tx.webhookEvent.findMany({
        where: { tenantId: signup.tenantId, payload: { contains: `"signupId":"${signup.id}"` } },
        select: { id: true, payload: true },
      });
      const answers = [signup.lastName, signup.company, signup.freeText].filter((answer): answer is string => !!answer);
      for (const event of events) {
        const payload = event.payload.split(JSON.stringify(signup.email).slice(1, -1)).join(ERASED_EMAIL);
        await tx.webhookEvent.update({ where: { id: event.id }, data: { payload: withoutQuotedAnswers(payload, answers) } });
      }
    }
    await recordWebhookEvents(tx, [signupErasedEvent(signup)]);
    return true;
  });
}

/** A failure reason is free text (the CRM's own message may quote a value sent): erased whole when it
 * holds one of the person's answers. Only the reason is read, so no other part of the payload changes. */
function withoutQuotedAnswers(payload: string, answers: string[]): string {
  if (answers.length === 0) return payload;
  const event = JSON.parse(payload) as { data?: { reason?: unknown } };
  const reason = event.data?.reason;
  if (typeof reason !== "string" || !answers.some((answer) => reason.includes(answer))) return payload;
  return JSON.stringify({ ...event, data: { ...event.data, reason: ERASED_DETAIL } });
}
