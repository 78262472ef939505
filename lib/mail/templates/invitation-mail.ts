// The invitation email: who invited whom to which tenant with which role, and the accept link.
import { renderActionMail, type MailContent } from "../mail-content";

export type InvitationMailInput = {
  productName: string;
  tenantName: string;
  role: string;
  inviterLabel: string;
  acceptUrl: string;
  expiresAt: Date;
};

export function invitationMail(input: InvitationMailInput): MailContent {
  return renderActionMail({
    subject: `You're invited to ${input.tenantName} on ${input.productName}`,
    heading: `Join ${input.tenantName} on ${input.productName}`,
    paragraphs: [
      `${input.inviterLabel} invited you to ${input.tenantName} as ${input.role.toLowerCase()}.`,
      "Open the link to set up your account (or join with the account you already have).",
    ],
    actionLabel: "Accept the invitation",
    actionUrl: input.acceptUrl,
    footer: `The link works once and expires on ${input.expiresAt.toUTCString()}. If you did not expect this, ignore this email.`,
  });
}
