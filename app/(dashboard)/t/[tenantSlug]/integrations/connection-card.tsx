// One HubSpot connection: status, details, health timeline, recent activity, and the admin actions.
import type { ConnectionView } from "@switchboard/lib/integrations/view/load-integrations-view";
import { ActivityList } from "./activity-list";
import { ConnectionActions } from "./connection-actions";
import { ConnectionDetails } from "./connection-details";
import { HealthTimeline } from "./health-timeline";
import { ConsentPanel, type ConsentPanelView } from "./consent-panel";
import { StatusBadge } from "./status-badge";
import { SyncHealthLine } from "./sync-health-line";

export function ConnectionCard({
  connection,
  tenantSlug,
  canManage,
  consent,
}: {
  connection: ConnectionView;
  tenantSlug: string;
  canManage: boolean;
  consent?: ConsentPanelView;
}) {
  const headingId = `connection-${connection.id}-heading`;
  return (
    <article
      aria-labelledby={headingId}
      data-testid="connection-card"
      data-portal-id={connection.portalId}
      className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
    >
      <header className="mb-4 flex flex-wrap items-center gap-3">
        <h2 id={headingId} className="text-lg font-semibold text-slate-900">
          {connection.providerName} portal {connection.portalId}
        </h2>
        <StatusBadge status={connection.status} />
      </header>
      {connection.statusReason && connection.status !== "Connected" ? (
        <p className="mb-4 text-sm text-slate-800">Why: {connection.statusReason}</p>
      ) : null}
      <ConnectionDetails connection={connection} />
      <SyncHealthLine health={connection.syncHealth} />
      {consent ? <ConsentPanel view={consent} /> : null}
      {canManage ? (
        <ConnectionActions
          tenantSlug={tenantSlug}
          connectionId={connection.id}
          portalId={connection.portalId}
          isNewsletterDestination={connection.isNewsletterDestination}
        />
      ) : null}
      <HealthTimeline entries={connection.timeline} headingId={`${headingId}-timeline`} />
      <ActivityList events={connection.activity} headingId={`${headingId}-activity`} />
    </article>
  );
}
