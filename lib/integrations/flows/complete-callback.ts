// The OAuth callback's logic: validate and consume our state, re-check the admin, then either
// report the admin's Cancel or exchange the code at once, identify the portal by introspection
// and store the connection. Nothing is stored unless every check passed.
import type { Db } from "@/lib/db/create-client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { log } from "@/lib/log";
import { resolveTenantAccess } from "@/lib/tenancy/resolve-tenant-access";
import { describeError, InvalidGrantError, ProviderResponseError, ProviderUnavailableError } from "../errors";
import { consumeOAuthState, OAuthStateError, type ConsumedOAuthState } from "../oauth-state";
import type { IntegrationServices } from "../services";
import { callbackErrors, callbackQuerySchema, type CallbackOutcome, type NoticeCode } from "./callback-outcome";
import { storeAuthorizedConnection } from "./store-authorized-connection";
import { actorFromUser } from "./types";

export async function completeOAuthCallback(
  db: Db,
  userId: string,
  query: Record<string, string | undefined>,
  services: IntegrationServices,
): Promise<CallbackOutcome> {
  const parsed = callbackQuerySchema.safeParse(query);
  if (!parsed.success) return callbackErrors.invalidRequest;
  const { state: rawState, code, error, error_description } = parsed.data;

  let state: ConsumedOAuthState;
  try {
    state = await consumeOAuthState(db, rawState, userId);
  } catch (failure) {
    if (!(failure instanceof OAuthStateError)) throw failure;
    if (failure.reason === "expired") return callbackErrors.expiredState;
    if (failure.reason === "other-user") return callbackErrors.otherUser;
    return callbackErrors.unknownState;
  }

  const tenant = await db.tenant.findUnique({ where: { id: state.tenantId }, select: { id: true, slug: true } });
  const access = tenant ? await resolveTenantAccess(db, userId, tenant.slug, "ADMIN") : null;
  if (!tenant || !access?.allowed) return callbackErrors.notAdmin;
  const actor = actorFromUser(access.access.user);
  const provider = services.provider(state.provider);
  const back = (notice: NoticeCode, portal?: string): CallbackOutcome => ({
    kind: "redirect", tenantSlug: tenant.slug, notice, ...(portal ? { portal } : {}),
  });
  const audit = (outcome: "failure" | "warning", detail: string) =>
    recordAuditEvent(db, {
      tenantId: tenant.id, connectionId: state.connectionId, actorUserId: actor.id, actorLabel: actor.label,
      action: state.connectionId ? "reconnect" : "connect", outcome, detail,
    });

  if (error) {
    const cancelled = error === "access_denied";
    await audit(cancelled ? "warning" : "failure", cancelled
      ? "The admin cancelled at HubSpot's consent screen"
      : `HubSpot refused the authorization (${error}${error_description ? `: ${error_description.slice(0, 200)}` : ""})`);
    if (cancelled) return back("consent_cancelled");
    return back(error === "invalid_scope" ? "missing_required_scopes" : "authorization_failed");
  }
  if (!code) return callbackErrors.missingCode;

  try {
    const tokens = await provider.exchangeCode(code);
    const metadata = await provider.introspect(tokens.accessToken, tokens.accountHint);
    if (!metadata.active || !metadata.portalId) {
      await audit("failure", "HubSpot reported the new token as inactive");
      return back("authorization_failed");
    }
    const stored = await storeAuthorizedConnection(db, { actor, tenantId: tenant.id, state, provider, tokens, metadata, services });
    const portal = metadata.portalId;
    if (stored.missingRequired.length > 0) return back("missing_required_scopes", portal);
    if (state.connectionId && stored.connectionId !== state.connectionId) return back("other_portal", portal);
    if (state.connectionId) return back("reconnected", portal);
    return back(stored.existed ? "already_connected" : "connected", portal);
  } catch (failure) {
    const known = failure instanceof InvalidGrantError || failure instanceof ProviderUnavailableError || failure instanceof ProviderResponseError;
    if (!known) log.error("oauth callback failed unexpectedly", { tenantId: tenant.id, error: failure });
    await audit("failure", `Could not finish connecting: ${describeError(failure)}`);
    if (failure instanceof InvalidGrantError) return back("code_rejected");
    if (failure instanceof ProviderUnavailableError) return back("provider_unavailable");
    return back("authorization_failed");
  }
}
