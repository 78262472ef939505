// Connects a HubSpot portal the way an admin does, minus the browser: our connect flow, the
// simulator's consent form answered over HTTP, then our callback flow. Shared by the connection,
// signup, API and webhook tests and by the benchmarks.
import type { Db } from "@switchboard/lib/db/create-client";
import type { CallbackOutcome } from "@switchboard/lib/integrations/flows/callback-outcome";
import { completeOAuthCallback } from "@switchboard/lib/integrations/flows/complete-callback";
import { startConnect } from "@switchboard/lib/integrations/flows/start-connect";
import type { FlowActor, FlowTenant } from "@switchboard/lib/integrations/flows/types";
import { defaultIntegrationServices, type IntegrationServices } from "@switchboard/lib/integrations/services";
import { decideConsent } from "./consent-decision";

/** Where the portal is connected; services default to the app's, configured from the environment. */
export type ConnectTarget = { db: Db; tenant: FlowTenant; services?: IntegrationServices };

export type ConnectPortalOptions = {
  /** Who presses Connect (and finishes the callback). */
  actor: FlowActor;
  portalId?: number;
  /** Reconnect this connection instead of adding one. */
  connectionId?: string;
  decision?: "grant" | "cancel";
  /** "connected" (default): throw unless the portal ends up connected; "any": return whatever the callback decided. */
  expect?: "connected" | "any";
};

export type ConnectedPortal = { outcome: CallbackOutcome; connectionId: string };
export type ConnectAttempt = { outcome: CallbackOutcome; connectionId: string | null };

const connectedNotices = new Set(["connected", "reconnected", "already_connected"]);

export async function connectPortal(
  target: ConnectTarget,
  options: ConnectPortalOptions & { expect?: "connected" },
): Promise<ConnectedPortal>;
export async function connectPortal(target: ConnectTarget, options: ConnectPortalOptions & { expect: "any" }): Promise<ConnectAttempt>;
export async function connectPortal(target: ConnectTarget, options: ConnectPortalOptions): Promise<ConnectAttempt> {
  const services = target.services ?? defaultIntegrationServices();
  const portalId = options.portalId ?? 62515;
  const { authorizeUrl } = await startConnect(
    target.db,
    options.actor,
    target.tenant,
    { provider: "hubspot", ...(options.connectionId ? { connectionId: options.connectionId } : {}) },
    services,
  );
  const answer = await decideConsent(authorizeUrl, options.decision ?? "grant", portalId);
  const outcome = await completeOAuthCallback(target.db, options.actor.id, Object.fromEntries(answer), services);
  const connection = await findConnection(target, portalId);
  if (options.expect !== "any" && !(outcome.kind === "redirect" && connectedNotices.has(outcome.notice) && connection)) {
    throw new Error(`connecting portal ${portalId} failed: ${JSON.stringify(outcome)}`);
  }
  return { outcome, connectionId: connection?.id ?? null };
}

/** The tenant's connection to a portal, as stored. */
export async function connectionFor(target: ConnectTarget, portalId: number) {
  const row = await findConnection(target, portalId);
  if (!row) throw new Error(`no connection for portal ${portalId}`);
  return row;
}

function findConnection({ db, tenant }: ConnectTarget, portalId: number) {
  return db.connection.findFirst({ where: { tenantId: tenant.id, portalId: String(portalId) } });
}
