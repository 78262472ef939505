// Send test contact: upserts one clearly labelled contact (by email, so repeating it never
// creates duplicates) and reports the provider's id for it, like the EveryAuth sample's "Test".
import type { Db } from "@/lib/db/create-client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { markNeedsReconnect, recordProviderSuccess } from "../connection-status";
import { describeError, InvalidGrantError } from "../errors";
import type { IntegrationServices } from "../services";
import { withAccessToken } from "../tokens/access-token";
import { connectionGoneMessage, findTenantConnection } from "./find-tenant-connection";
import type { FlowActor, FlowResult, FlowTenant } from "./types";

export function testContactEmail(tenantSlug: string): string {
  const local = tenantSlug
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, "-")
    .slice(0, 40);
  return `switchboard-test+${local}@example.com`;
}

export async function sendTestContact(
  db: Db,
  actor: FlowActor,
  tenant: FlowTenant,
  input: { connectionId: string },
  services: IntegrationServices,
): Promise<FlowResult<{ contactId: string; email: string }>> {
  const row = await findTenantConnection(db, tenant, input.connectionId);
  if (!row) return { ok: false, message: connectionGoneMessage };
  const provider = services.provider(row.provider);
  const email = testContactEmail(tenant.slug);
  const audit = (outcome: "success" | "failure", detail: string) =>
    recordAuditEvent(db, {
      tenantId: tenant.id,
      connectionId: row.id,
      subject: row.subject,
      actorUserId: actor.id,
      actorLabel: actor.label,
      action: "test_contact",
      outcome,
      detail,
    });
  try {
    const record = await withAccessToken(db, row.id, services, (token) => provider.upsertTestRecord(token, email));
    await recordProviderSuccess(db, row.id);
    await audit("success", `Test contact ${email} ${record.created ? "created" : "updated"} with id ${record.id}`);
    return {
      ok: true,
      contactId: record.id,
      email,
      message: `Test contact ${email} ${record.created ? "created" : "updated"} in ${provider.displayName}: contact id ${record.id}.`,
    };
  } catch (error) {
    if (error instanceof InvalidGrantError) await markNeedsReconnect(db, row.id, error.message, { userId: actor.id, label: actor.label });
    const message = `Could not send the test contact: ${describeError(error)}.`;
    await audit("failure", message);
    return { ok: false, message };
  }
}
