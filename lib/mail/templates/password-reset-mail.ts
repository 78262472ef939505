// The password reset email: one link, valid for an hour, usable once.
import { renderActionMail, type MailContent } from "../mail-content";

export function passwordResetMail(input: { productName: string; resetUrl: string }): MailContent {
  return renderActionMail({
    subject: `Reset your ${input.productName} password`,
    heading: "Reset your password",
    paragraphs: [
      `Someone (hopefully you) asked to reset the password of your ${input.productName} account.`,
      "Choosing a new password signs you out everywhere else.",
    ],
    actionLabel: "Choose a new password",
    actionUrl: input.resetUrl,
    footer: "The link works once and expires in one hour. If you did not ask for it, ignore this email: your password stays as it is.",
  });
}
