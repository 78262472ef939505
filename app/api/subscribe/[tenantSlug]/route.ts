// POST /api/subscribe/{tenantSlug} — public newsletter signup for tenants' own websites (202 once stored).
// The production server (server/main.ts) answers this path before Next's router with the same
// handler; this route serves it under `next dev` and any plain `next start` deployment.
import { processRuntime } from "@switchboard/lib/runtime/process-runtime";
import { answerSubscribe, answerSubscribePreflight, appSubscribeContext } from "@switchboard/lib/signups/intake/handle-subscribe";
import { intakeRequestFromWeb, webResponseOf } from "@switchboard/lib/signups/intake/intake-exchange";

type RouteContext = { params: Promise<{ tenantSlug: string }> };

export async function POST(request: Request, { params }: RouteContext): Promise<Response> {
  const { tenantSlug } = await params;
  return webResponseOf(await answerSubscribe(intakeRequestFromWeb(request), tenantSlug, appSubscribeContext(processRuntime())));
}

export async function OPTIONS(request: Request, { params }: RouteContext): Promise<Response> {
  const { tenantSlug } = await params;
  return webResponseOf(await answerSubscribePreflight(intakeRequestFromWeb(request), tenantSlug, appSubscribeContext(processRuntime())));
}
