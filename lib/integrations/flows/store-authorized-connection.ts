// Upserts the connection for (tenant, provider, portal) with freshly sealed tokens. The same
// portal again replaces the tokens in place (history kept); a new portal becomes its own row.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/create-client";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { reconcileTenantSignups } from "@/lib/signups/sync/waiting-signups";
import { connectionSubject, recordAuditEvent } from "@/lib/audit/record-audit-event";
import { connectionEvent } from "@/lib/webhooks/outbox-events";
import { recordWebhookEvents } from "@/lib/webhooks/record-webhook-events";
import { sealTokenSet } from "../connection-secrets";
import { ProviderResponseError } from "../errors";
import type { ConsumedOAuthState } from "../oauth-state";
import { scopeReport, type AccountMetadata, type IntegrationProvider, type TokenSet } from "../provider";
import type { IntegrationServices } from "../services";
import type { FlowActor } from "./types";

type StoreInput = {
  actor: FlowActor;
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
    try {
      // Webhook events commit with the row (outbox): a new portal, or a broken one working again.
      const identity = { id, ...key };
      const recovered = existing && existing.status !== "CONNECTED" && !needsScopes;
      const events = !existing
        ? [connectionEvent("connection.created", identity, fields.statusReason, needsScopes ? "needs_reconnect" : "connected")]
        : recovered ? [connectionEvent("connection.recovered", identity)]
        : !needsScopes || existing.status === "NEEDS_RECONNECT" ? [] : [connectionEvent("connection.needs_reconnect", identity, fields.statusReason)];
      await db.$transaction([
        existing
          ? db.connection.update({ where: { id }, data: { ...fields, tokenVersion: { increment: 1 } } })
          : db.connection.create({ data: { id, ...key, ...fields } }),
        recordWebhookEvents(db, events),
      ]);
    } catch (error) {
      if (attempt < 2 && isUniqueViolation(error)) continue;
      throw error;
    }
    // Signups that waited for a usable portal become due now (or wait, if scopes are missing).
    await reconcileTenantSignups(db, tenantId);
    const subject = connectionSubject(provider.id, metadata.portalId);
    const missing = [...scopes.missingRequired.map((s) => `${s} (required)`), ...scopes.missingOptional];
    await recordAuditEvent(db, {
      tenantId, connectionId: id, subject, actorUserId: actor.id, actorLabel: actor.label,
      action: existing ? "reconnect" : "connect",
      outcome: needsScopes ? "failure" : "success",
      detail: `Portal ${metadata.portalId}${metadata.accountDomain ? ` (${metadata.accountDomain})` : ""} authorized` +
        (missing.length ? `; missing scopes: ${missing.join(", ")}` : "; all scopes granted"),
    });
    if (existing && existing.status !== fields.status) {
      await recordAuditEvent(db, {
        tenantId, connectionId: id, subject, actorUserId: actor.id, actorLabel: actor.label,
        action: "status_change", outcome: needsScopes ? "failure" : "success",
        detail: `${existing.status} → ${fields.status}: re-authorized by an admin`,
      });
    }
    return { connectionId: id, existed: !!existing, ...scopes };
  }
}

