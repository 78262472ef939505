// Builders for the events the connection flows and the signup sync put in the outbox, so each call
// site stays one line next to the change it reports.
import type { OutboxEvent } from "./record-webhook-events";

type ConnectionIdentity = { id: string; tenantId: string; provider: string; portalId: string };
type ConnectionEventType = "connection.created" | "connection.needs_reconnect" | "connection.degraded" | "connection.recovered" | "connection.disconnected";
const STATUS_OF = {
  "connection.created": "connected",
  "connection.needs_reconnect": "needs_reconnect",
  "connection.degraded": "degraded",
  "connection.recovered": "connected",
  "connection.disconnected": "disconnected",
} as const;

export function connectionEvent(type: ConnectionEventType, row: ConnectionIdentity, reason: string | null = null, status: "connected" | "needs_reconnect" = STATUS_OF[type] as "connected"): OutboxEvent {
  return {
    tenantId: row.tenantId,
    type,
    data: { connectionId: row.id, tenantId: row.tenantId, provider: row.provider, portalId: row.portalId, status: type === "connection.created" ? status : STATUS_OF[type], reason },
  };
}

export function signupSyncedEvent(signup: { id: string; tenantId: string; email: string }, contactId: string): OutboxEvent {
  return { tenantId: signup.tenantId, type: "signup.synced", data: { signupId: signup.id, tenantId: signup.tenantId, email: signup.email, hubspotContactId: contactId, reason: null } };
}

export function signupFailedEvent(signup: { id: string; tenantId: string; email: string }, reason: string): OutboxEvent {
  return { tenantId: signup.tenantId, type: "signup.failed", data: { signupId: signup.id, tenantId: signup.tenantId, email: signup.email, hubspotContactId: null, reason } };
}

export function signupUnsubscribedEvent(signup: { id: string; tenantId: string; email: string; hubspotContactId: string | null }, via: string): OutboxEvent {
  return { tenantId: signup.tenantId, type: "signup.unsubscribed", data: { signupId: signup.id, tenantId: signup.tenantId, email: signup.email, hubspotContactId: signup.hubspotContactId, reason: via } };
}

export function signupErasedEvent(signup: { id: string; tenantId: string; hubspotContactId: string | null }): OutboxEvent {
  return { tenantId: signup.tenantId, type: "signup.erased", data: { signupId: signup.id, tenantId: signup.tenantId, hubspotContactId: signup.hubspotContactId } };
}
