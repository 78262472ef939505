// Everything the integrations page shows, read for ONE tenant. Only display data leaves here:
// token ciphertexts are never selected, so no page can render them by accident.
import type { Db } from "@/lib/db/create-client";
import { connectionSubject } from "@/lib/audit/record-audit-event";
import { listConnectionAuditEvents, type AuditEventView } from "@/lib/audit/list-audit-events";
import { scopeReport, type IntegrationProvider, type ScopeReport } from "../provider";
import { resolveNewsletterConnectionId } from "../flows/choose-newsletter-destination";
import { loadSyncHealth, type SyncHealth } from "./sync-health";

export type ConnectionStatusLabel = "Connected" | "Needs reconnect" | "Degraded";

export type ConnectionView = {
  id: string;
  providerName: string;
  portalId: string;
  domain: string | null;
  status: ConnectionStatusLabel;
  statusReason: string | null;
  scopes: ScopeReport;
  connectedBy: string | null;
  hubspotUser: string | null;
  connectedAt: Date;
  accessTokenExpiresAt: Date | null;
  lastRefreshedAt: Date | null;
  lastTest: { at: Date; ok: boolean; latencyMs: number | null; message: string | null } | null;
  isNewsletterDestination: boolean;
  syncHealth: SyncHealth;
  activity: AuditEventView[];
  timeline: TimelineEntryView[];
};

export type TimelineEntryView = { id: string; type: string; reason: string | null; actorLabel: string; createdAt: Date };

const statusLabels: Record<string, ConnectionStatusLabel> = {
  CONNECTED: "Connected",
  NEEDS_RECONNECT: "Needs reconnect",
  DEGRADED: "Degraded",
};

export async function loadIntegrationsView(
  db: Db,
  tenantId: string,
  provider: (id: string) => IntegrationProvider,
): Promise<ConnectionView[]> {
  const rows = await db.connection.findMany({
    where: { tenantId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      provider: true,
      portalId: true,
      accountDomain: true,
      authorizedUserEmail: true,
      status: true,
      statusReason: true,
      grantedScopes: true,
      accessTokenExpiresAt: true,
      lastRefreshedAt: true,
      lastTestAt: true,
      lastTestOk: true,
      lastTestLatencyMs: true,
      lastTestMessage: true,
      connectedByUserId: true,
      connectedAt: true,
    },
  });
  const userIds = [...new Set(rows.map((r) => r.connectedByUserId).filter((id): id is string => !!id))];
  const users = await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } });
  const newsletterId = await resolveNewsletterConnectionId(db, tenantId);
  const health = await loadSyncHealth(
    db,
    rows.map((row) => row.id),
  );

  return Promise.all(
    rows.map(async (row) => {
      const impl = provider(row.provider);
      const user = users.find((u) => u.id === row.connectedByUserId);
      return {
        id: row.id,
        providerName: impl.displayName,
        portalId: row.portalId,
        domain: row.accountDomain,
        status: statusLabels[row.status] ?? "Needs reconnect",
        statusReason: row.statusReason,
        scopes: scopeReport(impl, row.grantedScopes.split(" ").filter(Boolean)),
        connectedBy: user ? (user.name ? `${user.name} (${user.email})` : user.email) : null,
        hubspotUser: row.authorizedUserEmail,
        connectedAt: row.connectedAt,
        accessTokenExpiresAt: row.accessTokenExpiresAt,
        lastRefreshedAt: row.lastRefreshedAt,
        lastTest:
          row.lastTestAt && row.lastTestOk !== null
            ? { at: row.lastTestAt, ok: row.lastTestOk, latencyMs: row.lastTestLatencyMs, message: row.lastTestMessage }
            : null,
        isNewsletterDestination: row.id === newsletterId,
        syncHealth: health.get(row.id) ?? { synced: 0, failed: 0, rateLimited: 0 },
        activity: await listConnectionAuditEvents(
          db,
          tenantId,
          {
            id: row.id,
            subject: connectionSubject(row.provider, row.portalId),
          },
          8,
        ),
        timeline: await db.connectionEvent.findMany({
          where: { tenantId, connectionId: row.id },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: 8,
          select: { id: true, type: true, reason: true, actorLabel: true, createdAt: true },
        }),
      };
    }),
  );
}
