// GET /api/integrations/hubspot/callback — HubSpot's OAuth redirect: finish connecting a portal.
import type { NextRequest } from "next/server";
import { auth } from "@/web/auth";
import { db } from "@switchboard/lib/db";
import { serverEnv } from "@switchboard/lib/env/server";
import { log } from "@switchboard/lib/log";
import { completeOAuthCallback } from "@switchboard/lib/integrations/flows/complete-callback";
import { integrationsLocation } from "@switchboard/lib/integrations/flows/callback-outcome";
import { defaultIntegrationServices } from "@switchboard/lib/integrations/services";
import { callbackErrorPage } from "./error-page";

// The URL carries a one-time code: keep it out of Referer headers and caches.
const privateHeaders = { "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" };

export async function GET(request: NextRequest): Promise<Response> {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) {
    return callbackErrorPage(401, "Sign in to finish connecting HubSpot",
      "Your session ended before HubSpot sent you back. Sign in and start again from the Integrations page.", privateHeaders);
  }
  const query = Object.fromEntries(request.nextUrl.searchParams);
  try {
    const outcome = await completeOAuthCallback(db, userId, query, defaultIntegrationServices());
    if (outcome.kind === "error") return callbackErrorPage(outcome.status, outcome.title, outcome.message, privateHeaders);
    const location = new URL(integrationsLocation(outcome), serverEnv().APP_URL);
    return new Response(null, { status: 303, headers: { ...privateHeaders, Location: location.toString() } });
  } catch (error) {
    log.error("hubspot callback failed", { error });
    return callbackErrorPage(500, "Connecting HubSpot failed",
      "Something went wrong on our side and nothing was saved. Please start again from the Integrations page.", privateHeaders);
  }
}
