// POST /api/subscribe/{tenantSlug} — public newsletter signup for tenants' own websites (202 once stored).
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env/server";
import { log } from "@/lib/log";
import { handleSubscribe, handleSubscribePreflight, type SubscribeContext } from "@/lib/signups/intake/handle-subscribe";

type RouteContext = { params: Promise<{ tenantSlug: string }> };

function subscribeContext(): SubscribeContext {
  const env = serverEnv();
  return { db, databaseUrl: env.DATABASE_URL, appUrl: env.APP_URL };
}

export async function POST(request: Request, { params }: RouteContext): Promise<Response> {
  const { tenantSlug } = await params;
  try {
    return await handleSubscribe(request, tenantSlug, subscribeContext());
  } catch (error) {
    log.error("signup intake failed", { tenantSlug, error });
    return Response.json({ error: "unavailable", message: "We could not take your signup right now; please try again." }, { status: 503 });
  }
}

export async function OPTIONS(request: Request, { params }: RouteContext): Promise<Response> {
  const { tenantSlug } = await params;
  try {
    return await handleSubscribePreflight(request, tenantSlug, subscribeContext());
  } catch (error) {
    log.error("signup preflight failed", { tenantSlug, error });
    return new Response(null, { status: 503 });
  }
}
