// The dashboard's OAuth callback: validate and consume our state for this admin, re-check that they
// may still manage the tenant, then authorize the grant (authorize-grant.ts) and turn its result
// into one of our notice codes. Nothing is stored unless every check passed.
import type { Db } from "@/lib/db/create-client";
import { resolveTenantAccess } from "@/lib/tenancy/resolve-tenant-access";
import { consumeOAuthState, OAuthStateError, type ConsumedOAuthState } from "../oauth-state";
import type { IntegrationServices } from "../services";
import { authorizeGrant, type GrantResult } from "./authorize-grant";
import { callbackErrors, callbackQuerySchema, type CallbackOutcome, type NoticeCode } from "./callback-outcome";
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
    state = await consumeOAuthState(db, rawState, { userId });
  } catch (failure) {
    if (!(failure instanceof OAuthStateError)) throw failure;
    if (failure.reason === "expired") return callbackErrors.expiredState;
    if (failure.reason === "other-user") return callbackErrors.otherUser;
    return callbackErrors.unknownState;
  }

  const tenant = await db.tenant.findUnique({ where: { id: state.tenantId }, select: { id: true, slug: true } });
  const access = tenant ? await resolveTenantAccess(db, userId, tenant.slug, "ADMIN") : null;
  if (!tenant || !access?.allowed) return callbackErrors.notAdmin;
  if (!error && !code) return callbackErrors.missingCode;

  const result = await authorizeGrant(db, {
    actor: actorFromUser(access.access.user),
    state,
    services,
    answer: {
      ...(code ? { code } : {}),
      ...(error ? { error } : {}),
      ...(error_description ? { errorDescription: error_description } : {}),
    },
  });
  return { kind: "redirect", tenantSlug: tenant.slug, notice: noticeOf(result), ...(result.portalId ? { portal: result.portalId } : {}) };
}

function noticeOf(result: GrantResult): NoticeCode {
  if (result.ok) return result.status;
  if (result.error === "access_denied") return "consent_cancelled";
  return result.error;
}
