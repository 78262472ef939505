// Connects a HubSpot portal as an admin would, minus the browser: the connections flows'
// startConnect, the simulator's consent form answered over HTTP, then their callback logic.
import type { Db } from "@/lib/db/create-client";
import { completeOAuthCallback } from "@/lib/integrations/flows/complete-callback";
import { startConnect } from "@/lib/integrations/flows/start-connect";
import { defaultIntegrationServices } from "@/lib/integrations/services";

export async function connectPortal(
  db: Db,
  simulatorUrl: string,
  admin: { userId: string; tenant: { id: string; slug: string } },
  options: { portalId?: number; connectionId?: string } = {},
): Promise<string> {
  const services = defaultIntegrationServices();
  const { authorizeUrl } = await startConnect(
    db,
    { id: admin.userId, label: "test admin" },
    admin.tenant,
    { provider: "hubspot", ...(options.connectionId ? { connectionId: options.connectionId } : {}) },
    services,
  );
  const params = new URL(authorizeUrl).searchParams;
  const decision = new URLSearchParams({
    client_id: params.get("client_id") ?? "",
    redirect_uri: params.get("redirect_uri") ?? "",
    scope: params.get("scope") ?? "",
    optional_scope: params.get("optional_scope") ?? "",
    state: params.get("state") ?? "",
    portal_id: String(options.portalId ?? 62515),
    decision: "grant",
  });
  const response = await fetch(`${simulatorUrl}/oauth/authorize/decision`, { method: "POST", body: decision, redirect: "manual" });
  const location = new URL(response.headers.get("location") ?? "", "http://invalid");
  const outcome = await completeOAuthCallback(db, admin.userId, Object.fromEntries(location.searchParams), services);
  if (outcome.kind !== "redirect" || !["connected", "reconnected", "already_connected"].includes(outcome.notice)) {
    throw new Error(`connecting the portal failed: ${JSON.stringify(outcome)}`);
  }
  const connection = await db.connection.findFirstOrThrow({
    where: { tenantId: admin.tenant.id, externalAccountId: String(options.portalId ?? 62515) },
    select: { id: true },
  });
  return connection.id;
}
