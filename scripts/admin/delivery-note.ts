// One line telling the operator where a mailed link went, or that it did not go anywhere.
import type { MailDelivery } from "@switchboard/lib/mail/mailer";

export function deliveryNote(delivery: MailDelivery, appUrl: string): string {
  if (!delivery.delivered) return "The link was not emailed (mail is not configured or failed): hand it over yourself.";
  return delivery.via === "mailbox"
    ? `The mail is in the local mailbox (no SMTP_URL): ${appUrl}/dev/mailbox`
    : "The link was also emailed.";
}
