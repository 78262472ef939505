// What both OAuth callbacks (the dashboard's and a hosted connect session's) do once their state is
// consumed: report a Cancel, or exchange the code at once, identify the portal by introspection and
// store the connection. A reconnect is in place: the same connection id, history and settings, and
// only for the same portal — another portal changes nothing (wrong_portal; its new grant is revoked).
import type { Db } from "@/lib/db/create-client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { log } from "@/lib/log";
import { describeError, InvalidGrantError, ProviderResponseError, ProviderUnavailableError } from "../errors";
import type { ConsumedOAuthState } from "../oauth-state";
import type { IntegrationServices } from "../services";
import { storeAuthorizedConnection } from "./store-authorized-connection";

export type GrantErrorCode =
  | "access_denied"
  | "missing_required_scopes"
  | "wrong_portal"
  | "authorization_failed"
  | "code_rejected"
  | "provider_unavailable"
  | "connection_missing";

export type GrantResult =
  | { ok: true; status: "connected" | "reconnected" | "already_connected"; connectionId: string; portalId: string }
  | { ok: false; error: GrantErrorCode; portalId?: string; connectionId?: string };

export type GrantAnswer = { code?: string; error?: string; errorDescription?: string };

export async function authorizeGrant(
  db: Db,
  input: { actor: { id: string | null; label: string }; state: ConsumedOAuthState; answer: GrantAnswer; services: IntegrationServices },
): Promise<GrantResult> {
  const { actor, state, answer, services } = input;
  const provider = services.provider(state.provider);
  const audit = (outcome: "failure" | "warning", detail: string) =>
    recordAuditEvent(db, {
      tenantId: state.tenantId,
      connectionId: state.connectionId,
      actorUserId: actor.id,
      actorLabel: actor.label,
      action: state.connectionId ? "reconnect" : "connect",
      outcome,
      detail,
    });

  if (answer.error) {
    const cancelled = answer.error === "access_denied";
    await audit(
      cancelled ? "warning" : "failure",
      cancelled
        ? "Cancelled at HubSpot's consent screen"
        : `HubSpot refused the authorization (${answer.error}${answer.errorDescription ? `: ${answer.errorDescription.slice(0, 200)}` : ""})`,
    );
    if (cancelled) return { ok: false, error: "access_denied" };
    return { ok: false, error: answer.error === "invalid_scope" ? "missing_required_scopes" : "authorization_failed" };
  }
  if (!answer.code) return { ok: false, error: "authorization_failed" };

  try {
    const tokens = await provider.exchangeCode(answer.code);
    const metadata = await provider.introspect(tokens.accessToken, tokens.accountHint);
    if (!metadata.active || !metadata.portalId) {
      await audit("failure", "HubSpot reported the new token as inactive");
      return { ok: false, error: "authorization_failed" };
    }
    const portalId = metadata.portalId;
    if (state.connectionId) {
      const target = await db.connection.findFirst({
        where: { id: state.connectionId, tenantId: state.tenantId },
        select: { portalId: true },
      });
      if (!target || target.portalId !== portalId) {
        // Nothing changes; the grant just issued for the other portal is not kept either.
        if (tokens.refreshToken) await provider.revoke(tokens.refreshToken).catch(() => undefined);
        await audit(
          "warning",
          target
            ? `Reconnect refused: HubSpot authorized portal ${portalId}, not portal ${target.portalId}; nothing changed`
            : "Reconnect refused: the connection no longer exists",
        );
        return { ok: false, error: target ? "wrong_portal" : "connection_missing", portalId, connectionId: state.connectionId };
      }
    }
    const stored = await storeAuthorizedConnection(db, { actor, tenantId: state.tenantId, state, provider, tokens, metadata, services });
    if (stored.missingRequired.length > 0)
      return { ok: false, error: "missing_required_scopes", portalId, connectionId: stored.connectionId };
    const status = state.connectionId ? "reconnected" : stored.existed ? "already_connected" : "connected";
    return { ok: true, status, connectionId: stored.connectionId, portalId };
  } catch (failure) {
    const known =
      failure instanceof InvalidGrantError || failure instanceof ProviderUnavailableError || failure instanceof ProviderResponseError;
    if (!known) log.error("oauth callback failed unexpectedly", { tenantId: state.tenantId, error: failure });
    await audit("failure", `Could not finish connecting: ${describeError(failure)}`);
    if (failure instanceof InvalidGrantError) return { ok: false, error: "code_rejected" };
    if (failure instanceof ProviderUnavailableError) return { ok: false, error: "provider_unavailable" };
    return { ok: false, error: "authorization_failed" };
  }
}
