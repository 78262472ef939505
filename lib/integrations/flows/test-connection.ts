// Test connection: a valid token (refreshed if needed, and once more if HubSpot refuses it early),
// introspection (active, same portal, required scopes) and one cheap CRM call. The result, latency
// and missing scopes are stored on the connection, shown on the card and audited.
import { performance } from "node:perf_hooks";
import type { Db } from "@/lib/db/create-client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { markNeedsReconnect, recordProviderFailure, recordProviderSuccess } from "../connection-status";
import { AccessTokenRejectedError, describeError, InvalidGrantError, ProviderUnavailableError } from "../errors";
import { scopeReport } from "../provider";
import type { IntegrationServices } from "../services";
import { withAccessToken } from "../tokens/access-token";
import { connectionGoneMessage, findTenantConnection } from "./find-tenant-connection";
import type { FlowActor, FlowResult, FlowTenant } from "./types";

type TestDetails = { latencyMs: number; missingRequired: string[]; missingOptional: string[] };

export async function testConnection(
  db: Db,
  actor: FlowActor,
  tenant: FlowTenant,
  input: { connectionId: string },
  services: IntegrationServices,
): Promise<FlowResult<TestDetails>> {
  const row = await findTenantConnection(db, tenant, input.connectionId);
  if (!row) return { ok: false, message: connectionGoneMessage };
  const provider = services.provider(row.provider);
  const started = performance.now();
  let ok = false;
  let message: string;
  let missingRequired: string[] = [];
  let missingOptional: string[] = [];
  try {
    const check = await withAccessToken(db, row.id, services, async (token) => {
      const metadata = await provider.introspect(token);
      if (!metadata.active) throw new AccessTokenRejectedError(`${provider.displayName} reports the access token as inactive`);
      if (metadata.portalId !== row.portalId) {
        throw new InvalidGrantError(`The token belongs to portal ${metadata.portalId}, not ${row.portalId}`);
      }
      ({ missingRequired, missingOptional } = scopeReport(provider, metadata.scopes));
      await db.connection.update({ where: { id: row.id }, data: { grantedScopes: metadata.scopes.join(" ") } });
      if (missingRequired.length > 0) throw new InvalidGrantError(`Missing required scopes: ${missingRequired.join(", ")}`);
      return provider.checkApi(token);
    });
    await recordProviderSuccess(db, row.id);
    ok = true;
    message =
      `Connection works. ${check.message}.` +
      (missingOptional.length ? ` Optional scopes not granted: ${missingOptional.join(", ")}.` : "");
  } catch (error) {
    if (error instanceof InvalidGrantError) await markNeedsReconnect(db, row.id, error.message, { userId: actor.id, label: actor.label });
    if (error instanceof ProviderUnavailableError) await recordProviderFailure(db, row.id, error.message, services.health);
    message = `Test failed: ${describeError(error)}.`;
  }
  const latencyMs = Math.round(performance.now() - started);
  await db.connection.updateMany({
    where: { id: row.id, tenantId: tenant.id },
    data: { lastTestAt: new Date(), lastTestOk: ok, lastTestLatencyMs: latencyMs, lastTestMessage: message },
  });
  await recordAuditEvent(db, {
    tenantId: tenant.id,
    connectionId: row.id,
    subject: row.subject,
    actorUserId: actor.id,
    actorLabel: actor.label,
    action: "test",
    outcome: ok ? "success" : "failure",
    detail: `${message} (${latencyMs} ms)`,
  });
  return ok ? { ok, message, latencyMs, missingRequired, missingOptional } : { ok, message };
}
