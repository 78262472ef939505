// Upserts the connection for (tenant, provider, portal) with freshly sealed tokens. The same
// portal again replaces the tokens in place (history kept); a new portal becomes its own row.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/create-client";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { changeConnectionStatus } from "../connection-lifecycle";
import { sealTokenSet } from "../tokens/stored-tokens";
import { ProviderResponseError } from "../errors";
import type { ConsumedOAuthState } from "../oauth-state";
import { scopeReport, type AccountMetadata, type IntegrationProvider, type TokenSet } from "../provider";
import type { IntegrationServices } from "../services";

type StoreInput = {
  /** The admin, or (id null) a hosted connect session's end user. */
  actor: { id: string | null; label: string };
  tenantId: string;
  state: ConsumedOAuthState;
  provider: IntegrationProvider;
  tokens: TokenSet;
  metadata: AccountMetadata;
  services: Pick<IntegrationServices, "keyRing">;
};

export async function storeAuthorizedConnection(db: Db, input: StoreInput) {
  const { actor, tenantId, provider, tokens, metadata, services } = input;
  if (!tokens.refreshToken) throw new ProviderResponseError("HubSpot sent no refresh token with the new grant");
  const scopes = scopeReport(provider, metadata.scopes);
  const needsScopes = scopes.missingRequired.length > 0;
  const key = { tenantId, provider: provider.id, portalId: metadata.portalId };
  const now = new Date();

  // Two attempts: a concurrent callback for the same portal may create the row between our read
  // and our insert (unique violation); the second pass then updates it.
  for (let attempt = 1; ; attempt++) {
    const existing = await db.connection.findUnique({
      where: { tenantId_provider_portalId: key },
      select: { id: true, status: true },
    });
    const id = existing?.id ?? randomUUID();
    const fields = {
      ...sealTokenSet(services.keyRing, { id, tenantId }, tokens),
      accountDomain: metadata.accountDomain ?? null,
      authorizedUserEmail: metadata.authorizedUserEmail ?? null,
      grantedScopes: scopes.granted.join(" "),
      status: needsScopes ? ("NEEDS_RECONNECT" as const) : ("CONNECTED" as const),
      statusReason: needsScopes ? `Missing required scopes: ${scopes.missingRequired.join(", ")}` : null,
      accessTokenExpiresAt: tokens.expiresAt,
      lastRefreshedAt: now,
      consecutiveFailures: 0,
      refreshLeaseOwner: null,
      refreshLeaseExpiresAt: null,
      connectedByUserId: actor.id,
      connectedAt: now,
    };
    const missing = [...scopes.missingRequired.map((s) => `${s} (required)`), ...scopes.missingOptional];
    const { status, statusReason, ...columns } = fields;
    try {
      await changeConnectionStatus(db, {
        connection: { id, ...key },
        to: status,
        reason: statusReason ?? (existing ? "re-authorized by an admin" : null),
        actor: { userId: actor.id, label: actor.label },
        ...(existing ? { data: { ...columns, tokenVersion: { increment: 1 } } } : { create: { id, ...key, ...columns } }),
        audit: {
          action: existing ? "reconnect" : "connect",
          outcome: needsScopes ? "failure" : "success",
          detail:
            `Portal ${metadata.portalId}${metadata.accountDomain ? ` (${metadata.accountDomain})` : ""} authorized` +
            (missing.length ? `; missing scopes: ${missing.join(", ")}` : "; all scopes granted"),
        },
      });
    } catch (error) {
      if (attempt < 2 && isUniqueViolation(error)) continue;
      throw error;
    }
    return { connectionId: id, existed: !!existing, ...scopes };
  }
}
