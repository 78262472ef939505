// The double opt-in mail a visitor gets after signing up: which newsletter, and the link that
// leads to the page where they confirm (the link itself confirms nothing: mail scanners follow links).
import { renderActionMail, type MailContent } from "../mail-content";

export type SubscriptionConfirmationMailInput = {
  tenantName: string;
  confirmUrl: string;
  expiresAt: Date;
};

export function subscriptionConfirmationMail(input: SubscriptionConfirmationMailInput): MailContent {
  return renderActionMail({
    subject: `Confirm your subscription to the ${input.tenantName} newsletter`,
    heading: `Confirm your subscription to ${input.tenantName}`,
    paragraphs: [
      `Someone, hopefully you, signed this address up for the ${input.tenantName} newsletter.`,
      "Open the link and press Confirm to start receiving it. Until then we send you nothing else.",
    ],
    actionLabel: "Confirm my subscription",
    actionUrl: input.confirmUrl,
    footer: `The link works once and expires on ${input.expiresAt.toUTCString()}. If you did not sign up, ignore this email: you will not be subscribed.`,
  });
}
