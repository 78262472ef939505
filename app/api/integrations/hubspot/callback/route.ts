// GET /api/integrations/hubspot/callback — HubSpot's OAuth redirect: finish connecting a portal, for a
// signed-in admin or for a hosted connect session (no sign-in; the session's cookie instead).
import type { NextRequest } from "next/server";
import { auth } from "@/web/auth";
import { db, processRuntime } from "@switchboard/lib/runtime/process-runtime";
import { log } from "@switchboard/lib/log";
import { completeOAuthCallback } from "@switchboard/lib/integrations/flows/complete-callback";
import { integrationsLocation } from "@switchboard/lib/integrations/flows/callback-outcome";
import {
  finishConnectSession,
  isSessionCallback,
  returnLocation,
} from "@switchboard/lib/integrations/connect-sessions/use-connect-session";
import { clearConnectSessionCookie, CONNECT_SESSION_COOKIE } from "@/web/connect-session-cookie";
import { callbackErrorPage } from "./error-page";

// The URL carries a one-time code: keep it out of Referer headers and caches.
const privateHeaders = { "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" };

export async function GET(request: NextRequest): Promise<Response> {
  const query = Object.fromEntries(request.nextUrl.searchParams);
  if (await isSessionCallback(db, query)) return finishHostedConnect(request, query);
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) {
    return callbackErrorPage(
      401,
      "Sign in to finish connecting HubSpot",
      "Your session ended before HubSpot sent you back. Sign in and start again from the Integrations page.",
      privateHeaders,
    );
  }
  try {
    const outcome = await completeOAuthCallback(db, userId, query, processRuntime().integrations);
    if (outcome.kind === "error") return callbackErrorPage(outcome.status, outcome.title, outcome.message, privateHeaders);
    const location = new URL(integrationsLocation(outcome), processRuntime().env.APP_URL);
    return new Response(null, { status: 303, headers: { ...privateHeaders, Location: location.toString() } });
  } catch (error) {
    log.error("hubspot callback failed", { error });
    return callbackErrorPage(
      500,
      "Connecting HubSpot failed",
      "Something went wrong on our side and nothing was saved. Please start again from the Integrations page.",
      privateHeaders,
    );
  }
}

// A hosted connect session ends at the host's returnUrl (redirect mode), or at the page that posts
// the result to the opener and closes (popup mode).
async function finishHostedConnect(request: NextRequest, query: Record<string, string>): Promise<Response> {
  const headers = { ...privateHeaders, "Set-Cookie": clearConnectSessionCookie() };
  try {
    const outcome = await finishConnectSession(
      db,
      query,
      request.cookies.get(CONNECT_SESSION_COOKIE)?.value,
      processRuntime().integrations,
    );
    if (outcome.kind === "refused") return callbackErrorPage(400, outcome.title, outcome.message, privateHeaders);
    const location =
      outcome.mode === "popup"
        ? `${new URL(`/connect/done/${encodeURIComponent(outcome.sessionId)}`, processRuntime().env.APP_URL)}?${new URLSearchParams(outcome.result)}`
        : returnLocation(outcome.returnUrl, outcome.result);
    return new Response(null, { status: 303, headers: { ...headers, Location: location } });
  } catch (error) {
    log.error("hosted connect callback failed", { error });
    return callbackErrorPage(
      500,
      "Connecting HubSpot failed",
      "Something went wrong on our side and nothing was saved. Ask for a new link and try again.",
      headers,
    );
  }
}
