// Disconnect: revoke the grant at the provider, then delete the row — and with it every byte of
// token material. Audit events survive (connectionId is nulled, `subject` still names the portal).
// A failed revocation never blocks the local disconnect; the admin is told it was unconfirmed.
import type { Db } from "@/lib/db/create-client";
import { changeConnectionStatus } from "../connection-lifecycle";
import { openToken } from "../tokens/stored-tokens";
import { describeError } from "../errors";
import type { IntegrationServices } from "../services";
import { connectionGoneMessage, findTenantConnection } from "./find-tenant-connection";
import type { FlowActor, FlowResult, FlowTenant } from "./types";

export async function disconnectConnection(
  db: Db,
  actor: FlowActor,
  tenant: FlowTenant,
  input: { connectionId: string },
  services: IntegrationServices,
): Promise<FlowResult<{ revoked: boolean; portalId: string }>> {
  const row = await findTenantConnection(db, tenant, input.connectionId);
  if (!row) return { ok: false, message: connectionGoneMessage };
  const provider = services.provider(row.provider);

  let revoked = false;
  let revokeProblem = "no stored grant to revoke";
  if (row.refreshTokenCiphertext) {
    try {
      await provider.revoke(openToken(services.keyRing, row, "refreshToken", row.refreshTokenCiphertext));
      revoked = true;
    } catch (error) {
      revokeProblem = describeError(error);
    }
  }

  await changeConnectionStatus(db, {
    connection: row,
    to: "DISCONNECTED",
    reason: revoked ? null : `Revocation unconfirmed: ${revokeProblem}`,
    actor: { userId: actor.id, label: actor.label },
    audit: {
      action: "disconnect", outcome: revoked ? "success" : "warning",
      detail: revoked
        ? `Portal ${row.portalId} disconnected; access revoked at ${provider.displayName}; tokens deleted`
        : `Portal ${row.portalId} disconnected and tokens deleted, but revocation could not be confirmed (${revokeProblem})`,
    },
  });
  return {
    ok: true,
    revoked,
    portalId: row.portalId,
    message: revoked
      ? `Disconnected portal ${row.portalId}. ${provider.displayName} confirmed Switchboard's access was revoked and the stored tokens were deleted; the app stays installed in the portal until it is uninstalled there.`
      : `Disconnected portal ${row.portalId} and deleted the stored tokens, but ${provider.displayName} could not confirm the revocation. You can also remove the app in ${provider.displayName}'s connected apps settings.`,
  };
}
