// Connects a HubSpot portal the way an admin does, minus the browser: our connect flow, the
// simulator's consent form answered over HTTP, then our callback flow. Returns the connection id.
// Shared by the signup tests and the benchmarks, which need a connected portal to sync into.
import type { Db } from "@switchboard/lib/db/create-client";
import { completeOAuthCallback } from "@switchboard/lib/integrations/flows/complete-callback";
import { startConnect } from "@switchboard/lib/integrations/flows/start-connect";
import { defaultIntegrationServices } from "@switchboard/lib/integrations/services";
import { decideConsent } from "./consent-decision";

export async function connectPortal(
  db: Db,
  admin: { userId: string; tenant: { id: string; slug: string } },
  options: { portalId?: number; connectionId?: string } = {},
): Promise<string> {
  const services = defaultIntegrationServices();
  const portalId = options.portalId ?? 62515;
  const { authorizeUrl } = await startConnect(
    db,
    { id: admin.userId, label: "test admin" },
    admin.tenant,
    { provider: "hubspot", ...(options.connectionId ? { connectionId: options.connectionId } : {}) },
    services,
  );
  const answer = await decideConsent(authorizeUrl, "grant", portalId);
  const outcome = await completeOAuthCallback(db, admin.userId, Object.fromEntries(answer), services);
  if (outcome.kind !== "redirect" || !["connected", "reconnected", "already_connected"].includes(outcome.notice)) {
    throw new Error(`connecting the portal failed: ${JSON.stringify(outcome)}`);
  }
  const connection = await db.connection.findFirstOrThrow({
    where: { tenantId: admin.tenant.id, portalId: String(portalId) },
    select: { id: true },
  });
  return connection.id;
}
