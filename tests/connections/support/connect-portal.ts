// The whole connect journey without a browser: our connect flow, the simulator's consent form,
// our callback flow. Returns what the callback decided.
import { completeOAuthCallback } from "@switchboard/lib/integrations/flows/complete-callback";
import { startConnect } from "@switchboard/lib/integrations/flows/start-connect";
import type { CallbackOutcome } from "@switchboard/lib/integrations/flows/callback-outcome";
import type { FlowActor } from "@switchboard/lib/integrations/flows/types";
import type { ConnectionsFixture } from "./connections-fixture";
import { decideConsent } from "./simulator-driver";

export async function connectPortal(
  fx: ConnectionsFixture,
  options: { actor?: FlowActor; portalId?: number; connectionId?: string; decision?: "grant" | "cancel" } = {},
): Promise<CallbackOutcome> {
  const actor = options.actor ?? fx.admin;
  const { authorizeUrl } = await startConnect(
    fx.db, actor, fx.tenant, { provider: "hubspot", ...(options.connectionId ? { connectionId: options.connectionId } : {}) }, fx.services,
  );
  const answer = await decideConsent(authorizeUrl, options.decision ?? "grant", options.portalId ?? 62515);
  return completeOAuthCallback(fx.db, actor.id, Object.fromEntries(answer), fx.services);
}

export async function connectionFor(fx: ConnectionsFixture, portalId: number) {
  const row = await fx.db.connection.findFirst({ where: { tenantId: fx.tenant.id, portalId: String(portalId) } });
  if (!row) throw new Error(`no connection for portal ${portalId}`);
  return row;
}
