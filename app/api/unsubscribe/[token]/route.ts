// POST /unsubscribe/{token} (rewritten here by proxy.ts) — RFC 8058 one-click unsubscribe: a mail
// client's POST (body List-Unsubscribe=One-Click) or the unsubscribe page's button unsubscribes
// at once. Browsers go back to the page, which now says so; mail clients get a plain 200. A forged
// link changes nothing: 404 (the page explains it to browsers).
import { db, processRuntime } from "@switchboard/lib/runtime/process-runtime";
import { unsubscribeLinksOf } from "@switchboard/lib/signups/consent/configured-unsubscribe-links";
import { findUnsubscribe } from "@switchboard/lib/signups/consent/find-unsubscribe";
import { unsubscribeSignup } from "@switchboard/lib/signups/consent/unsubscribe-signup";

export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  const { appUrl, key } = unsubscribeLinksOf(processRuntime().env);
  const lookup = await findUnsubscribe(db, key, token);
  if (lookup.state === "subscribed") await unsubscribeSignup(db, { id: lookup.signupId, tenantId: lookup.tenantId }, "link");
  const fromBrowser = (request.headers.get("accept") ?? "").includes("text/html");
  if (fromBrowser)
    return new Response(null, {
      status: 303,
      headers: { Location: `${appUrl}/unsubscribe/${encodeURIComponent(token)}`, "Cache-Control": "no-store" },
    });
  if (lookup.state === "invalid")
    return new Response("This unsubscribe link is not valid.\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response("Unsubscribed.\n", {
    status: 200,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
