// Which connected portal receives newsletter signups. Null on the tenant means "the oldest
// connection", so the first portal connected is the destination until an admin picks another.
import type { Db } from "@/lib/db/create-client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { resolveDestination } from "@/lib/signups/sync/destination";
import { reconcileTenantSignups } from "@/lib/signups/sync/waiting-signups";
import { connectionGoneMessage, findTenantConnection } from "./find-tenant-connection";
import type { FlowActor, FlowResult, FlowTenant } from "./types";

export async function chooseNewsletterDestination(
  db: Db,
  actor: FlowActor,
  tenant: FlowTenant,
  input: { connectionId: string },
): Promise<FlowResult> {
  const row = await findTenantConnection(db, tenant, input.connectionId);
  if (!row) return { ok: false, message: connectionGoneMessage };
  await db.tenant.update({ where: { id: tenant.id }, data: { newsletterConnectionId: row.id } });
  await reconcileTenantSignups(db, tenant.id);
  await recordAuditEvent(db, {
    tenantId: tenant.id,
    connectionId: row.id,
    subject: row.subject,
    actorUserId: actor.id,
    actorLabel: actor.label,
    action: "newsletter_destination",
    outcome: "success",
    detail: `Newsletter signups now go to portal ${row.portalId}`,
  });
  return { ok: true, message: `Newsletter signups will now be sent to portal ${row.portalId}.` };
}

/** The connection signups go to (the one rule: lib/signups/sync/destination.ts). */
export async function resolveNewsletterConnectionId(db: Db, tenantId: string): Promise<string | null> {
  return (await resolveDestination(db, tenantId))?.connectionId ?? null;
}
