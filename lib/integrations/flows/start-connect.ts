// Connect / Reconnect: creates the hashed, single-use OAuth state bound to this admin, tenant and
// (for reconnect) connection, and returns the provider's consent URL to redirect to.
import type { Db } from "@/lib/db/create-client";
import { createOAuthState } from "../oauth-state";
import type { IntegrationServices } from "../services";
import type { FlowActor, FlowTenant } from "./types";

export class ConnectionNotFoundError extends Error {
  override name = "ConnectionNotFoundError";
  constructor() {
    super("That connection no longer exists in this tenant.");
  }
}

export async function startConnect(
  db: Db,
  actor: FlowActor,
  tenant: FlowTenant,
  input: { provider: string; connectionId?: string },
  services: Pick<IntegrationServices, "provider">,
): Promise<{ authorizeUrl: string }> {
  const provider = services.provider(input.provider);
  if (input.connectionId) {
    const owned = await db.connection.findFirst({
      where: { id: input.connectionId, tenantId: tenant.id, provider: provider.id },
      select: { id: true },
    });
    if (!owned) throw new ConnectionNotFoundError();
  }
  const state = await createOAuthState(db, {
    provider: provider.id,
    tenantId: tenant.id,
    userId: actor.id,
    connectionId: input.connectionId ?? null,
  });
  return { authorizeUrl: provider.authorizeUrl(state) };
}
