// Builders for the events the connection flows and the signup sync put in the outbox, so each call
// site stays one line next to the change it reports.
import type { OutboxEvent } from "./record-webhook-events";

type ConnectionIdentity = { id: string; tenantId: string; provider: string; portalId: string };
export type ConnectionEventType =
  "connection.created" | "connection.needs_reconnect" | "connection.degraded" | "connection.recovered" | "connection.disconnected";
const STATUS_OF = {
  "connection.created": "connected",
  "connection.needs_reconnect": "needs_reconnect",
  "connection.degraded": "degraded",
  "connection.recovered": "connected",
  "connection.disconnected": "disconnected",
} as const;

/** `initial`: the first status of a new connection (connection.created says which). */
export function connectionEvent(
  type: ConnectionEventType,
  row: ConnectionIdentity,
  reason: string | null = null,
  initial: string = "CONNECTED",
  extras: { uninstalled?: boolean } = {},
): OutboxEvent {
  const status = type === "connection.created" ? (initial === "NEEDS_RECONNECT" ? "needs_reconnect" : "connected") : STATUS_OF[type];
  return {
    tenantId: row.tenantId,
    type,
    data: { connectionId: row.id, tenantId: row.tenantId, provider: row.provider, portalId: row.portalId, status, reason, ...extras },
  };
}

export function signupSyncedEvent(signup: { id: string; tenantId: string; email: string }, contactId: string): OutboxEvent {
  return {
    tenantId: signup.tenantId,
    type: "signup.synced",
    data: { signupId: signup.id, tenantId: signup.tenantId, email: signup.email, hubspotContactId: contactId, reason: null },
  };
}

export function signupFailedEvent(signup: { id: string; tenantId: string; email: string }, reason: string): OutboxEvent {
  return {
    tenantId: signup.tenantId,
    type: "signup.failed",
    data: { signupId: signup.id, tenantId: signup.tenantId, email: signup.email, hubspotContactId: null, reason },
  };
}

export function signupUnsubscribedEvent(
  signup: { id: string; tenantId: string; email: string; hubspotContactId: string | null },
  via: string,
): OutboxEvent {
  return {
    tenantId: signup.tenantId,
    type: "signup.unsubscribed",
    data: { signupId: signup.id, tenantId: signup.tenantId, email: signup.email, hubspotContactId: signup.hubspotContactId, reason: via },
  };
}

export function signupErasedEvent(signup: { id: string; tenantId: string; hubspotContactId: string | null }): OutboxEvent {
  return {
    tenantId: signup.tenantId,
    type: "signup.erased",
    data: { signupId: signup.id, tenantId: signup.tenantId, hubspotContactId: signup.hubspotContactId },
  };
}
