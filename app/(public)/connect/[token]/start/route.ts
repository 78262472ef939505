// POST /connect/{token}/start — "Connect HubSpot" on the hosted page: uses the session (once) and sends
// the browser to HubSpot's consent screen, leaving the session's token in a cookie only the OAuth
// callback receives, so the callback can tell this browser's session from any other.
import type { NextRequest } from "next/server";
import { db, processRuntime } from "@switchboard/lib/runtime/process-runtime";
import { beginConnectSession } from "@switchboard/lib/integrations/connect-sessions/use-connect-session";
import { HUBSPOT_PROVIDER_ID } from "@switchboard/lib/integrations/hubspot/provider";
import { CONNECT_SESSION_COOKIE, connectSessionCookie } from "@/web/connect-session-cookie";

export async function POST(request: NextRequest, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  const form = await request.formData().catch(() => null);
  const mode = form?.get("mode") === "popup" ? "popup" : "redirect";
  const pageUrl = new URL(`/connect/${encodeURIComponent(token)}`, processRuntime().env.APP_URL);
  const headers = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };
  const begun = await beginConnectSession(db, token, mode, processRuntime().integrations, HUBSPOT_PROVIDER_ID);
  // Used, expired or unknown: back to the page, which says which (and changes nothing).
  if (!begun.ok) return new Response(null, { status: 303, headers: { ...headers, Location: pageUrl.toString() } });
  return new Response(null, {
    status: 303,
    headers: {
      ...headers,
      Location: begun.authorizeUrl,
      "Set-Cookie": `${CONNECT_SESSION_COOKIE}=${connectSessionCookie(token, processRuntime().env.APP_URL)}`,
    },
  });
}
