// Writes one audit event. Auditing must never break the action it describes, so a failed write
// is logged (without details that could hold secrets) and swallowed.
import type { Db } from "@/lib/db/create-client";
import { log } from "@/lib/log";

export type AuditAction =
  | "connect"
  | "reconnect"
  | "disconnect"
  | "refresh"
  | "status_change"
  | "test"
  | "test_contact"
  | "newsletter_destination"
  | "tenant_create"
  | "tenant_rename"
  | "tenant_delete"
  | "signup_settings"
  | "signup_retry"
  | "member_invite"
  | "invitation_revoke"
  | "invitation_accept"
  | "member_role_change"
  | "member_remove"
  | "member_sso_grant"
  | "api_key_created"
  | "api_key_revoked"
  | "access_token_issued"
  | "webhook_endpoint"
  | "mcp_tool_call";

export type AuditOutcome = "success" | "failure" | "warning";

/** Who made a change: a person (userId), the operator at the command line, or an API key (userId
 * null; the label names the key by its name and id, never its secret). */
export type AuditActor = { userId: string | null; label: string };

export type AuditEventInput = {
  tenantId: string;
  connectionId?: string | null;
  /** Stable name of what was acted on (e.g. "hubspot:62515"); survives deleting the connection. */
  subject?: string | null;
  /** null for the system (background refresh, sync worker). */
  actorUserId?: string | null;
  actorLabel: string;
  action: AuditAction;
  outcome: AuditOutcome;
  detail?: string | null;
};

export const SYSTEM_ACTOR = "Switchboard (automatic)";

export function connectionSubject(provider: string, portalId: string): string {
  return `${provider}:${portalId}`;
}

/** A change by `actor`, in the tenant's activity; a change to what belongs to no tenant (operator
 * keys, operator-wide webhook endpoints, a tenant being deleted) goes to the structured log instead,
 * the operator's audit trail. */
export async function recordChange(
  db: Db,
  actor: AuditActor,
  change: { tenantId: string | null; action: AuditAction; detail: string; subject?: string; outcome?: AuditOutcome },
): Promise<void> {
  const outcome = change.outcome ?? "success";
  if (!change.tenantId) {
    log.info("operator audit", {
      audit: true,
      action: change.action,
      actor: actor.label,
      subject: change.subject,
      detail: change.detail,
      outcome,
    });
    return;
  }
  await recordAuditEvent(db, {
    tenantId: change.tenantId,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    action: change.action,
    outcome,
    subject: change.subject ?? null,
    detail: change.detail,
  });
}

/** The stored row of an event, whichever writer stores it (details are capped at 500 characters). */
export type AuditRow = ReturnType<typeof auditRow>;

export function auditRow(event: AuditEventInput) {
  return {
    tenantId: event.tenantId,
    connectionId: event.connectionId ?? null,
    subject: event.subject ?? null,
    actorUserId: event.actorUserId ?? null,
    actorLabel: event.actorLabel,
    action: event.action,
    outcome: event.outcome,
    detail: event.detail?.slice(0, 500) ?? null,
  };
}

export async function recordAuditEvent(db: Db, event: AuditEventInput): Promise<void> {
  try {
    await db.auditEvent.create({
      data: auditRow(event),
    });
  } catch (error) {
    log.error("audit event could not be recorded", { action: event.action, tenantId: event.tenantId, error });
  }
}
