// What every email is: a subject, a plain-text body and an HTML body, rendered from one layout so
// each message reads the same in any client. Templates (invitation, reset, later a subscriber's
// double opt-in) only supply the words and the one link to act on.

export type MailContent = { subject: string; text: string; html: string };

export type ActionMail = {
  subject: string;
  /** First line, e.g. "You're invited to Acme on Switchboard". */
  heading: string;
  paragraphs: string[];
  actionLabel: string;
  actionUrl: string;
  /** Small print under the button, e.g. when the link expires and what to do if unexpected. */
  footer: string;
};

export function renderActionMail(mail: ActionMail): MailContent {
  const text = [
    mail.heading,
    "",
    ...mail.paragraphs.flatMap((p) => [p, ""]),
    `${mail.actionLabel}: ${mail.actionUrl}`,
    "",
    mail.footer,
    "",
  ].join("\n");
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(mail.subject)}</title></head>
<body style="font-family:system-ui,sans-serif;color:#0f172a;max-width:560px;margin:0 auto;padding:24px">
<h1 style="font-size:20px">${escapeHtml(mail.heading)}</h1>
${mail.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
<p><a href="${escapeHtml(mail.actionUrl)}" style="display:inline-block;background:#4f46e5;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(mail.actionLabel)}</a></p>
<p style="font-size:13px;color:#475569">If the button does not work, paste this address into your browser:<br>${escapeHtml(mail.actionUrl)}</p>
<p style="font-size:13px;color:#475569">${escapeHtml(mail.footer)}</p>
</body></html>
`;
  return { subject: mail.subject, text, html };
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}
