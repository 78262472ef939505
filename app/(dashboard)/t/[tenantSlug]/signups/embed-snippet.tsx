// Copy-paste code for a tenant's own website: the hosted form in an <iframe> (allowed origins
// only), a plain HTML form and a fetch() example.
import { HONEYPOT_FIELD } from "@switchboard/lib/signups/honeypot";

/** The optional form fields the tenant enabled: a text box, or a choice of the dropdown property's options. */
type EmbedField = { name: string; label: string; options: { value: string; label: string }[] | null };

type EmbedSnippetProps = { endpoint: string; publicPage: string; consentText: string; allowedOrigins: string[]; fields: EmbedField[] };

export function EmbedSnippet({ endpoint, publicPage, consentText, allowedOrigins, fields }: EmbedSnippetProps) {
  const siteOrigin = allowedOrigins[0] ?? "https://www.example.com";
  const frameSource = `${publicPage}?embed=1&origin=${encodeURIComponent(siteOrigin)}`;
  const iframe = `<iframe id="switchboard-signup" src="${escapeHtml(frameSource)}"
  title="Newsletter signup" width="100%" height="440" style="border:0" loading="lazy"></iframe>
<script>
  // Fits the frame to the form: only messages from ${new URL(publicPage).origin} are taken.
  window.addEventListener("message", function (event) {
    if (event.origin !== "${new URL(publicPage).origin}" || !event.data || event.data.type !== "switchboard:resize") return;
    document.getElementById("switchboard-signup").style.height = event.data.height + "px";
  });
</script>`;
  const html = `<form action="${endpoint}" method="post">
  <label>Email <input type="email" name="email" required></label>
  <label>First name <input type="text" name="firstName"></label>
${fields.map((field) => `  ${fieldHtml(field)}\n`).join("")}  <label><input type="checkbox" name="consent" required> ${escapeHtml(consentText)}</label>
  <!-- leave empty: catches bots -->
  <input type="text" name="${HONEYPOT_FIELD}" tabindex="-1" autocomplete="off" hidden>
  <button type="submit">Subscribe</button>
</form>`;
  const script = `const response = await fetch("${endpoint}", {
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify({ email, firstName, ${fields.map((field) => `${field.name}, `).join("")}consent: true }),
});
// 202 { id, status: "accepted" } · 422 { fieldErrors } · 429 Retry-After
if (response.status === 202) showThanks();`;
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <Snippet title="The hosted form in an iframe (resizes itself to its content)" code={iframe} />
        <p className="text-sm text-slate-700" data-testid="iframe-note">
          {allowedOrigins.length === 0
            ? "Add your website's origin to Allowed origins first: only those sites may frame the form."
            : `Only your allowed origins may frame the form. Set origin= to the site the page is on (${allowedOrigins.join(", ")}).`}{" "}
          Turn on double opt-in when you embed it, so no one can subscribe an address that is not theirs.
        </p>
      </div>
      <Snippet title="Plain HTML form (works without JavaScript)" code={html} />
      <Snippet title="fetch() from your site's JavaScript (add its origin above)" code={script} />
    </div>
  );
}

function Snippet({ title, code }: { title: string; code: string }) {
  return (
    <figure>
      <figcaption className="mb-1 text-sm font-medium text-slate-800">{title}</figcaption>
      <pre tabIndex={0} className="overflow-x-auto rounded-md bg-slate-900 p-4 text-xs text-slate-100">
        <code>{code}</code>
      </pre>
    </figure>
  );
}

function fieldHtml(field: EmbedField): string {
  const label = escapeHtml(field.label);
  if (!field.options) return `<label>${label} <input type="text" name="${field.name}"></label>`;
  const options = field.options.map((option) => `<option value="${escapeHtml(option.value)}">${escapeHtml(option.label)}</option>`);
  return `<label>${label} <select name="${field.name}"><option value=""></option>${options.join("")}</select></label>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
