// Developers: API keys for the host's backend (/api/v1) and webhook endpoints that hear about
// changes. OWNER/ADMIN only; everyone else gets the 404 page.
import type { Metadata } from "next";
import { listApiKeys } from "@switchboard/lib/api-keys/manage-api-keys";
import { describeScope, tenantKeyScopes } from "@switchboard/lib/api-keys/scopes";
import { DEVELOPER_AUDIT_ACTIONS, listTenantActivity } from "@switchboard/lib/audit/list-audit-events";
import { db } from "@switchboard/lib/runtime/process-runtime";
import { subscribableEventTypes } from "@switchboard/lib/webhooks/event-types";
import { listRecentDeliveries } from "@switchboard/lib/webhooks/list-deliveries";
import { requireTenantAccess } from "@/web/tenant-guard";
import { ActivityFeed } from "../activity-feed";
import { ApiKeyList } from "./api-key-list";
import { CreateKeyForm } from "./create-key-form";
import { CreateEndpointForm } from "./create-endpoint-form";
import { createTenantApiKey } from "./key-actions";
import { LiveRefresh } from "../signups/live-refresh";
import { createTenantWebhookEndpoint } from "./webhook-actions";
import { WebhookEndpointCard } from "./webhook-endpoint-card";

export const metadata: Metadata = { title: "Developers" };

export default async function DevelopersPage({ params }: { params: Promise<{ tenantSlug: string }> }) {
  const { tenantSlug } = await params;
  const { tenant } = await requireTenantAccess(tenantSlug, { minRole: "ADMIN" });
  const [keys, endpoints, activity] = await Promise.all([
    listApiKeys(db, tenant.id),
    db.webhookEndpoint.findMany({
      where: { tenantId: tenant.id },
      orderBy: { createdAt: "desc" },
      select: { id: true, url: true, description: true, eventTypes: true, enabled: true, disabledReason: true, failingSince: true },
    }),
    listTenantActivity(db, tenant.id, DEVELOPER_AUDIT_ACTIONS),
  ]);
  const deliveries = await Promise.all(endpoints.map((endpoint) => listRecentDeliveries(db, endpoint.id, 10)));
  // Refresh while something is on its way, so the log shows it land without a reload.
  const inFlight = deliveries.some((rows) => rows.some((row) => row.status === "PENDING"));
  return (
    <div className="space-y-8">
      {inFlight && <LiveRefresh />}
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold text-slate-900">Developers</h1>
        <p className="text-slate-700">
          Call Switchboard from your backend with an API key (see the{" "}
          <a className="text-indigo-800 underline" href="/docs/api">
            API reference
          </a>
          ).
        </p>
      </header>
      <section aria-labelledby="keys-heading" className="space-y-4">
        <h2 id="keys-heading" className="text-lg font-semibold text-slate-900">
          API keys
        </h2>
        <ApiKeyList keys={keys} tenantSlug={tenant.slug} />
        <CreateKeyForm
          action={createTenantApiKey}
          tenantSlug={tenant.slug}
          scopes={tenantKeyScopes.map((scope) => ({ value: scope, description: describeScope(scope) }))}
        />
      </section>
      <section aria-labelledby="webhooks-heading" className="space-y-4">
        <h2 id="webhooks-heading" className="text-lg font-semibold text-slate-900">
          Webhook endpoints
        </h2>
        <p className="text-sm text-slate-700">
          Signed per Standard Webhooks (<code>webhook-id</code>, <code>webhook-timestamp</code>, <code>webhook-signature</code>); failed
          deliveries are retried for more than a day.
        </p>
        {endpoints.map((endpoint, index) => (
          <WebhookEndpointCard key={endpoint.id} endpoint={endpoint} deliveries={deliveries[index] ?? []} tenantSlug={tenant.slug} />
        ))}
        <CreateEndpointForm action={createTenantWebhookEndpoint} tenantSlug={tenant.slug} eventTypes={subscribableEventTypes} />
      </section>
      <ActivityFeed
        events={activity}
        headingId="developer-activity-heading"
        testId="developer-activity"
        actionNames={{ webhook_endpoint: "Webhook endpoint", api_key_created: "API key created", api_key_revoked: "API key revoked" }}
      />
    </div>
  );
}
