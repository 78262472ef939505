import { escapeHtml, htmlDocument } from "./html";

// Shown instead of redirecting when the redirect target itself can't be trusted
// (unknown client, mismatched redirect_uri) — as HubSpot does.
export function errorPage(title: string, message: string): string {
  return htmlDocument(
    `${title} — HubSpot simulator`,
    `<h1>${escapeHtml(title)}</h1>
<p role="alert">${escapeHtml(message)}</p>
<p class="note">HubSpot simulator: this page ends the authorization; nothing was sent back to the app.</p>`,
  );
}
