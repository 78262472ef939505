import type { Portal } from "../config";
import { escapeHtml, htmlDocument } from "./html";

export interface ConsentRequest {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  optionalScopes: string[];
  state: string | null;
}

function hidden(name: string, value: string): string {
  return `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
}

function scopeList(scopes: string[]): string {
  if (scopes.length === 0) return `<p class="note">None.</p>`;
  return `<ul>${scopes.map((scope) => `<li><code>${escapeHtml(scope)}</code></li>`).join("")}</ul>`;
}

function portalChoice(portal: Portal, index: number, required: string[]): string {
  const missing = required.filter((scope) => !portal.scopes.includes(scope));
  const id = `portal-${portal.id}`;
  const warning =
    missing.length > 0
      ? `<span class="missing" id="${id}-missing"> — this account lacks required scope${missing.length > 1 ? "s" : ""}: ${missing.map(escapeHtml).join(", ")}</span>`
      : "";
  return `<label for="${id}"><input type="radio" id="${id}" name="portal_id" value="${portal.id}"${index === 0 ? " checked" : ""} required${missing.length > 0 ? ` aria-describedby="${id}-missing"` : ""}>
 ${escapeHtml(portal.name)} <span class="note">(Hub ID ${portal.id}, ${escapeHtml(portal.hubDomain)})</span>${warning}</label>`;
}

/** The page a browser (or Playwright) drives: choose an account, then Grant access or Cancel. */
export function consentPage(request: ConsentRequest, portals: Portal[], appName: string): string {
  const fields = [
    hidden("client_id", request.clientId),
    hidden("redirect_uri", request.redirectUri),
    hidden("scope", request.scopes.join(" ")),
    hidden("optional_scope", request.optionalScopes.join(" ")),
    request.state === null ? "" : hidden("state", request.state),
  ].join("\n");
  return htmlDocument(
    `Connect ${appName} to HubSpot`,
    `<h1>Connect ${escapeHtml(appName)} to HubSpot</h1>
<p class="note">HubSpot simulator — no real HubSpot account is involved.</p>
<form method="post" action="/oauth/authorize/decision">
${fields}
<fieldset>
<legend>Choose an account</legend>
${portals.map((portal, index) => portalChoice(portal, index, request.scopes)).join("\n")}
</fieldset>
<section aria-labelledby="required-scopes">
<h2 id="required-scopes">Required access</h2>
${scopeList(request.scopes)}
</section>
<section aria-labelledby="optional-scopes">
<h2 id="optional-scopes">Optional access</h2>
<p class="note">Granted only where the chosen account has it.</p>
${scopeList(request.optionalScopes)}
</section>
<div class="actions">
<button type="submit" name="decision" value="grant">Grant access</button>
<button type="submit" name="decision" value="cancel" formnovalidate>Cancel</button>
</div>
</form>`,
  );
}
