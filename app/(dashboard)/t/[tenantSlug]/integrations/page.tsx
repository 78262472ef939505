// /t/{tenant}/integrations — the tenant's HubSpot connections: status, details, recent activity,
// and (for owners and admins only) connect, reconnect, disconnect, test and test-contact actions.
import type { Metadata } from "next";
import { db, processRuntime } from "@switchboard/lib/runtime/process-runtime";
import { requireTenantAccess } from "@/web/tenant-guard";
import { roleAtLeast } from "@switchboard/lib/tenancy/roles";
import { HubspotNotConfiguredError } from "@switchboard/lib/integrations/hubspot/config";
import { loadIntegrationsView, type ConnectionView } from "@switchboard/lib/integrations/view/load-integrations-view";
import { noticeFor } from "./notices";
import { ConnectionCard } from "./connection-card";
import { ConnectForm } from "./connect-form";
import { ConnectLinkForm } from "./connect-link-form";
import { PageNotice } from "./page-notice";
import { loadConsentPanels, type ConsentPanelFacts } from "@switchboard/lib/signups/consent/consent-panels";

export const metadata: Metadata = { title: "Integrations" };

type PageProps = {
  params: Promise<{ tenantSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function IntegrationsPage({ params, searchParams }: PageProps) {
  const { tenantSlug } = await params;
  const query = await searchParams;
  const { tenant, role } = await requireTenantAccess(tenantSlug);
  const canManage = roleAtLeast(role, "ADMIN");
  const notice = noticeFor(single(query.notice), single(query.portal));

  let connections: ConnectionView[] = [];
  let configured = true;
  let consentPanels = new Map<string, ConsentPanelFacts>();
  try {
    const services = processRuntime().integrations;
    connections = await loadIntegrationsView(db, tenant.id, services.provider);
    consentPanels = await loadConsentPanels(db, tenant.id, connections);
  } catch (error) {
    if (!(error instanceof HubspotNotConfiguredError)) throw error;
    configured = false;
  }

  return (
    <section aria-labelledby="integrations-heading" className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 id="integrations-heading" className="text-2xl font-semibold text-slate-900">
          Integrations
        </h1>
        {canManage && configured ? (
          <div className="flex flex-wrap items-start gap-3">
            {connections.length > 0 ? <ConnectForm tenantSlug={tenant.slug} label="Connect another portal" variant="secondary" /> : null}
            <ConnectLinkForm tenantSlug={tenant.slug} label="Copy connect link" />
          </div>
        ) : null}
      </div>
      <PageNotice notice={notice} />
      {!configured ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900">
          HubSpot is not configured on this server: set HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET.
        </p>
      ) : connections.length === 0 ? (
        <EmptyState tenantName={tenant.name} tenantSlug={tenant.slug} canManage={canManage} />
      ) : (
        <ul className="space-y-6" aria-label="HubSpot connections">
          {connections.map((connection) => (
            <li key={connection.id}>
              <ConnectionCard
                connection={connection}
                tenantSlug={tenant.slug}
                canManage={canManage}
                consent={consentPanels.get(connection.id)}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function EmptyState({ tenantName, tenantSlug, canManage }: { tenantName: string; tenantSlug: string; canManage: boolean }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      <h2 className="text-lg font-medium text-slate-900">HubSpot</h2>
      <p className="mt-1 text-sm font-semibold text-slate-700" data-testid="connection-status">
        Not connected
      </p>
      <p className="mt-3 text-slate-700">Connect a HubSpot portal so {tenantName}&apos;s newsletter signups become HubSpot contacts.</p>
      <div className="mt-6 flex justify-center">
        {canManage ? (
          <ConnectForm tenantSlug={tenantSlug} label="Connect HubSpot" variant="primary" />
        ) : (
          <p className="text-slate-700">Ask an owner or admin of this tenant to connect HubSpot.</p>
        )}
      </div>
    </div>
  );
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
