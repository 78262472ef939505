// Disconnect: end Switchboard's access at the provider, then delete the row — and with it every byte
// of token material. When no other tenant uses the portal's installation, the app is uninstalled
// from the portal too (HubSpot then emails its admins); otherwise only this grant is revoked, so the
// other tenants keep working. Audit events survive (connectionId is nulled, `subject` names the
// portal). A failed revocation or uninstall never blocks the local disconnect; the admin is told.
import type { Db } from "@/lib/db/create-client";
import { changeConnectionStatus } from "../connection-lifecycle";
import { describeError } from "../errors";
import type { IntegrationServices } from "../services";
import { getValidAccessToken } from "../tokens/access-token";
import { openToken } from "../tokens/stored-tokens";
import { connectionGoneMessage, findTenantConnection } from "./find-tenant-connection";
import type { FlowResult, FlowTenant } from "./types";

/** Who disconnects: an admin (id) or an API caller (id null). */
export type DisconnectActor = { id: string | null; label: string };

export type Disconnection = { revoked: boolean; uninstalled: boolean; portalId: string };

export async function disconnectConnection(
  db: Db,
  actor: DisconnectActor,
  tenant: FlowTenant,
  input: { connectionId: string },
  services: IntegrationServices,
): Promise<FlowResult<Disconnection>> {
  const row = await findTenantConnection(db, tenant, input.connectionId);
  if (!row) return { ok: false, message: connectionGoneMessage };
  const provider = services.provider(row.provider);
  const sharedWith = await db.connection.count({ where: { provider: row.provider, portalId: row.portalId, id: { not: row.id } } });

  // The uninstall needs a working access token: taken before the revocation may end it.
  let accessToken: string | null = null;
  let uninstallProblem = "another tenant still uses this portal's installation";
  if (sharedWith === 0) {
    accessToken = await getValidAccessToken(db, row.id, services).catch((error: unknown) => {
      uninstallProblem = describeError(error);
      return null;
    });
  }

  // Uninstall first: it ends every grant of the app in the portal, ours included, whereas revoking
  // first may end the access token the uninstall call needs (the simulator does; HubSpot: unconfirmed).
  let uninstalled = false;
  if (accessToken) {
    try {
      await provider.uninstall(accessToken);
      uninstalled = true;
    } catch (error) {
      uninstallProblem = describeError(error);
    }
  }
  let revoked = uninstalled;
  let revokeProblem = "no stored grant to revoke";
  if (row.refreshTokenCiphertext) {
    try {
      await provider.revoke(openToken(services.keyRing, row, "refreshToken", row.refreshTokenCiphertext));
      revoked = true;
    } catch (error) {
      revokeProblem = describeError(error);
    }
  }

  const what = [
    revoked ? `access revoked at ${provider.displayName}` : `revocation unconfirmed (${revokeProblem})`,
    uninstalled ? "app uninstalled from the portal" : `app left installed (${uninstallProblem})`,
  ].join("; ");
  await changeConnectionStatus(db, {
    connection: row,
    to: "DISCONNECTED",
    reason: revoked ? null : `Revocation unconfirmed: ${revokeProblem}`,
    actor: { userId: actor.id, label: actor.label },
    eventExtras: { uninstalled },
    audit: {
      action: "disconnect",
      outcome: revoked ? "success" : "warning",
      detail: `Portal ${row.portalId} disconnected and tokens deleted; ${what}`,
    },
  });
  return {
    ok: true,
    revoked,
    uninstalled,
    portalId: row.portalId,
    message: disconnectMessage(provider.displayName, row.portalId, revoked, uninstalled, sharedWith > 0),
  };
}

function disconnectMessage(providerName: string, portalId: string, revoked: boolean, uninstalled: boolean, shared: boolean): string {
  const start = `Disconnected portal ${portalId} and deleted the stored tokens.`;
  if (uninstalled)
    return `${start} Switchboard's access was revoked and the app was uninstalled from the portal; ${providerName} emails the portal's admins about it.`;
  if (!revoked)
    return `${start} ${providerName} could not confirm the revocation: remove the app in ${providerName}'s connected apps settings.`;
  if (shared) return `${start} Switchboard's access was revoked; the app stays installed because another workspace still uses this portal.`;
  return `${start} Switchboard's access was revoked, but the app could not be uninstalled: remove it in ${providerName}'s connected apps settings.`;
}
