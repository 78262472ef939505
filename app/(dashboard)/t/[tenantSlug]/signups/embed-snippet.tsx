// Copy-paste code for a tenant's own website: a plain HTML form and a fetch() example.
import { HONEYPOT_FIELD } from "@switchboard/lib/signups/honeypot";

export function EmbedSnippet({ endpoint, consentText }: { endpoint: string; consentText: string }) {
  const html = `<form action="${endpoint}" method="post">
  <label>Email <input type="email" name="email" required></label>
  <label>First name <input type="text" name="firstName"></label>
  <label><input type="checkbox" name="consent" required> ${escapeHtml(consentText)}</label>
  <!-- leave empty: catches bots -->
  <input type="text" name="${HONEYPOT_FIELD}" tabindex="-1" autocomplete="off" hidden>
  <button type="submit">Subscribe</button>
</form>`;
  const script = `const response = await fetch("${endpoint}", {
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify({ email, firstName, consent: true }),
});
// 202 { id, status: "accepted" } · 422 { fieldErrors } · 429 Retry-After
if (response.status === 202) showThanks();`;
  return (
    <div className="space-y-4">
      <Snippet title="Plain HTML form (works without JavaScript)" code={html} />
      <Snippet title="fetch() from your site's JavaScript (add its origin above)" code={script} />
    </div>
  );
}

function Snippet({ title, code }: { title: string; code: string }) {
  return (
    <figure>
      <figcaption className="mb-1 text-sm font-medium text-slate-800">{title}</figcaption>
      <pre tabIndex={0} className="overflow-x-auto rounded-md bg-slate-900 p-4 text-xs text-slate-100"><code>{code}</code></pre>
    </figure>
  );
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
